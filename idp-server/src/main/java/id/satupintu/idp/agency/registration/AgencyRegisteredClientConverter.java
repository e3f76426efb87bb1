package id.satupintu.idp.agency.registration;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import id.satupintu.idp.agency.ClientTokenPolicy;
import id.satupintu.idp.agency.InlineClientJwks;
import id.satupintu.idp.agency.LogoutChannel;
import id.satupintu.idp.agency.secret.ClientSecretGenerator;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Component;

/**
 * Turns validated registration metadata into a {@link RegisteredClient} of its agency. The server
 * generates the client id and, for secret-based methods, a 256-bit secret; Spring's registration
 * provider encodes that secret with the {@code PasswordEncoder} bean before saving and returns it in
 * clear once, in the registration response (RFC 7591 §3.2.1). Dynamically registered clients always
 * require consent: no administrator vouched for them.
 */
@Component
public class AgencyRegisteredClientConverter implements Converter<OidcClientRegistration, RegisteredClient> {

    /** Scope given when the registration asks for none. */
    static final String DEFAULT_SCOPE = "openid";

    private final ClientSecretGenerator secrets;

    public AgencyRegisteredClientConverter(ClientSecretGenerator secrets) {
        this.secrets = secrets;
    }

    @Override
    public RegisteredClient convert(OidcClientRegistration registration) {
        ClientAuthenticationMethod method = authenticationMethod(registration);
        String clientId = secrets.newClientId();
        RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientIdIssuedAt(Instant.now())
                .clientName(registration.getClientName() == null ? clientId : registration.getClientName())
                .clientAuthenticationMethod(method)
                .redirectUris(uris -> uris.addAll(registration.getRedirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(list(registration.getPostLogoutRedirectUris())))
                .authorizationGrantTypes(grants -> ClientMetadataRules.effectiveGrantTypes(registration)
                        .forEach(g -> grants.add(new AuthorizationGrantType(g))))
                .scopes(scopes -> {
                    list(registration.getScopes()).stream().filter(s -> !s.isEmpty()).forEach(scopes::add);
                    if (scopes.isEmpty()) {
                        scopes.add(DEFAULT_SCOPE);
                    }
                });
        if (isSecretBased(method)) {
            client.clientSecret(secrets.newSecret());
        }
        ClientSettings.Builder settings = ClientTokenPolicy.clientSettings(
                AgencyCodeRule.agencyCodeOf(registration), true);
        LogoutChannel.BACK.apply(settings, LogoutChannelRule.registeredUri(LogoutChannel.BACK, registration),
                LogoutChannelRule.sessionRequired(LogoutChannel.BACK, registration));
        LogoutChannel.FRONT.apply(settings, LogoutChannelRule.registeredUri(LogoutChannel.FRONT, registration),
                LogoutChannelRule.sessionRequired(LogoutChannel.FRONT, registration));
        if (ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(method)) {
            if (InlineJwksRegistration.hasInlineJwks(registration)) {
                settings.setting(InlineClientJwks.SETTING, publicKeysJson(registration));
            } else {
                settings.jwkSetUrl(registration.getJwkSetUrl().toString());
            }
            String alg = registration.getTokenEndpointAuthenticationSigningAlgorithm();
            settings.tokenEndpointAuthenticationSigningAlgorithm(
                    alg == null ? SignatureAlgorithm.RS256 : SignatureAlgorithm.from(alg));
        }
        String idTokenAlg = registration.getIdTokenSignedResponseAlgorithm();
        return client.clientSettings(settings.build())
                .tokenSettings(ClientTokenPolicy.tokenSettings(idTokenAlg == null
                        ? ClientTokenPolicy.DEFAULT_ID_TOKEN_ALGORITHM : SignatureAlgorithm.from(idTokenAlg)))
                .build();
    }

    private static String publicKeysJson(OidcClientRegistration registration) {
        try {
            return InlineJwksRegistration.publicKeys(registration).toString(true);
        } catch (ParseException e) {
            // the validator has parsed the same member before conversion
            throw new IllegalStateException("jwks passed validation but cannot be parsed", e);
        }
    }

    /** RFC 7591 §2: {@code client_secret_basic} when the registration names no method. */
    private static ClientAuthenticationMethod authenticationMethod(OidcClientRegistration registration) {
        String method = registration.getTokenEndpointAuthenticationMethod();
        return method == null ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : new ClientAuthenticationMethod(method);
    }

    private static boolean isSecretBased(ClientAuthenticationMethod method) {
        return ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
                || ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
