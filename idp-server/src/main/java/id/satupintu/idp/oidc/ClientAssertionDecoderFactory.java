package id.satupintu.idp.oidc;

import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import id.satupintu.idp.oidc.replay.ClientAssertionReplayValidator;
import id.satupintu.idp.oidc.replay.ReplayCache;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Verifies {@code private_key_jwt} client assertions (RFC 7523 §3, OIDC Core §9) against the
 * client's registered keys: an inline {@code jwks} (RFC 7591 §2) held in the client setting
 * {@link #INLINE_JWKS_SETTING}, or else its {@code jwks_uri} through Spring's factory. Only
 * asymmetric algorithms: client secrets are stored as hashes, so {@code client_secret_jwt} cannot
 * be verified and is not offered. Each assertion is accepted once ({@code jti}, RFC 7523 §3 item 7).
 */
public class ClientAssertionDecoderFactory implements JwtDecoderFactory<RegisteredClient> {

    /** Client setting holding the registered JWK Set as JSON (public keys only). */
    public static final String INLINE_JWKS_SETTING = "satupintu.jwks";

    private final JwtClientAssertionDecoderFactory byJwksUri = new JwtClientAssertionDecoderFactory();
    /** Decoders keyed by client and key set, so a client's new keys take effect without a restart. */
    private final Map<String, JwtDecoder> inlineDecoders = new ConcurrentHashMap<>();
    private final ReplayCache replays;

    public ClientAssertionDecoderFactory(ReplayCache replays) {
        this.replays = replays;
        byJwksUri.setJwtValidatorFactory(this::validatorFor);
    }

    /** Spring's checks ({@code iss}, {@code sub}, {@code aud}, {@code exp}) and then single use. */
    private OAuth2TokenValidator<Jwt> validatorFor(RegisteredClient client) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client),
                new ClientAssertionReplayValidator(client.getClientId(), replays));
    }

    @Override
    public JwtDecoder createDecoder(RegisteredClient client) {
        String jwks = client.getClientSettings().getSetting(INLINE_JWKS_SETTING);
        if (jwks == null || jwks.isBlank()) {
            return byJwksUri.createDecoder(client);
        }
        return inlineDecoders.computeIfAbsent(client.getId() + "\n" + jwks, key -> inlineDecoder(client, jwks));
    }

    private JwtDecoder inlineDecoder(RegisteredClient client, String jwks) {
        JwsAlgorithm algorithm = client.getClientSettings().getTokenEndpointAuthenticationSigningAlgorithm();
        if (!(algorithm instanceof SignatureAlgorithm)) {
            throw invalidClient("The client has no asymmetric token endpoint signing algorithm.");
        }
        JWKSet keys;
        try {
            keys = JWKSet.parse(jwks);
        } catch (ParseException e) {
            throw invalidClient("The client's registered jwks cannot be read.");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(algorithm.getName()),
                new ImmutableJWKSet<>(keys.toPublicJWKSet())));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(validatorFor(client));
        return decoder;
    }

    private static OAuth2AuthenticationException invalidClient(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description,
                "https://datatracker.ietf.org/doc/html/rfc7523#section-3"));
    }
}
