package id.satupintu.idp.agency.registration;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.agency.InlineClientJwks;
import id.satupintu.idp.agency.LogoutChannel;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientMetadataClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;
import org.springframework.security.oauth2.server.authorization.oidc.converter.RegisteredClientOidcClientRegistrationConverter;

/**
 * The client information response (RFC 7591 §3.2.1): Spring's standard members plus
 * {@code agency_code}, the back-channel logout registration (OIDC Back-Channel Logout 1.0 §2.2),
 * and {@code jwks} for a client registered with inline keys. In the registration response the secret is the clear one, shown this once;
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
        String inlineJwks = InlineClientJwks.of(client);
        if (inlineJwks != null) {
            claims.put(InlineJwksRegistration.JWKS, jsonObject(inlineJwks));
        }
        String backchannelLogoutUri = LogoutChannel.BACK.uriOf(client);
        if (backchannelLogoutUri != null) {
            claims.put(LogoutChannel.BACK.uriMember(), backchannelLogoutUri);
            claims.put(LogoutChannel.BACK.sessionRequiredMember(), LogoutChannel.BACK.sessionRequired(client));
        }
        String frontchannelLogoutUri = LogoutChannel.FRONT.uriOf(client);
        if (frontchannelLogoutUri != null) {
            claims.put(LogoutChannel.FRONT.uriMember(), frontchannelLogoutUri);
            claims.put(LogoutChannel.FRONT.sessionRequiredMember(), LogoutChannel.FRONT.sessionRequired(client));
        }
        if (!includeSecret) {
            claims.remove(OidcClientMetadataClaimNames.CLIENT_SECRET);
            claims.remove(OidcClientMetadataClaimNames.CLIENT_SECRET_EXPIRES_AT);
        }
        return OidcClientRegistration.withClaims(claims).build();
    }

    private static Map<String, Object> jsonObject(String jwks) {
        try {
            return JWKSet.parse(jwks).toJSONObject(true);
        } catch (ParseException e) {
            throw new IllegalStateException("stored jwks of a client cannot be parsed", e);
        }
    }
}
