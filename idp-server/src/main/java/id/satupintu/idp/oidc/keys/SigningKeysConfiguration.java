package id.satupintu.idp.oidc.keys;

import java.util.EnumSet;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.keys.FileSigningKeyStore;
import id.satupintu.keys.SigningAlgorithm;
import id.satupintu.keys.SigningKeyRing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;

/**
 * Token signing keys come from the {@code keys} module: one active key per algorithm (RS256,
 * PS256, ES256), so each client's {@code id_token_signed_response_alg} can be honoured
 * (OIDC Dynamic Client Registration §2).
 */
@Configuration(proxyBeanMethods = false)
public class SigningKeysConfiguration {

    @Bean
    SigningKeyRing signingKeyRing(SatuPintuProperties properties) {
        return new FileSigningKeyStore(properties.dataDir().resolve("keys").resolve("signing.jwks"))
                .loadOrCreate(EnumSet.allOf(SigningAlgorithm.class));
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyRing ring) {
        return new ImmutableJWKSet<>(ring.privateJwkSet());
    }

    /** Verifies the server's own access tokens at userinfo, registration and admin endpoints. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }
}
