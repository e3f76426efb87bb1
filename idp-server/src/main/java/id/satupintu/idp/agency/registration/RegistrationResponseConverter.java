package id.satupintu.idp.agency.registration;

import java.util.LinkedHashMap;
import java.util.Map;

import id.satupintu.idp.agency.AgencyOfClient;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientMetadataClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;
import org.springframework.security.oauth2.server.authorization.oidc.converter.RegisteredClientOidcClientRegistrationConverter;

/**
 * The client information response (RFC 7591 §3.2.1): Spring's standard members plus
 * {@code agency_code}. In the registration response the secret is the clear one, shown this once;
 * {@link #withoutSecret()} serves the configuration endpoint (OIDC Registration §4), which must not
 * echo the stored SHA-256 hash as if it were the secret.
 */
public final class RegistrationResponseConverter implements Converter<RegisteredClient, OidcClientRegistration> {

    private final Converter<RegisteredClient, OidcClientRegistration> standard =
            new RegisteredClientOidcClientRegistrationConverter();
    private final boolean includeSecret;

    private RegistrationResponseConverter(boolean includeSecret) {
        this.includeSecret = includeSecret;
    }

    public static RegistrationResponseConverter withSecret() {
        return new RegistrationResponseConverter(true);
    }

    public static RegistrationResponseConverter withoutSecret() {
        return new RegistrationResponseConverter(false);
    }

    @Override
    public OidcClientRegistration convert(RegisteredClient client) {
        Map<String, Object> claims = new LinkedHashMap<>(standard.convert(client).getClaims());
        claims.put(AgencyCodeRule.AGENCY_CODE, AgencyOfClient.of(client));
        if (!includeSecret) {
            claims.remove(OidcClientMetadataClaimNames.CLIENT_SECRET);
            claims.remove(OidcClientMetadataClaimNames.CLIENT_SECRET_EXPIRES_AT);
        }
        return OidcClientRegistration.withClaims(claims).build();
    }
}
