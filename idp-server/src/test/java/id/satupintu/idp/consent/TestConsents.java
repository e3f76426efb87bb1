package id.satupintu.idp.consent;

import java.util.UUID;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;

/** Consents as the consent page records them: scopes as {@code SCOPE_*} authorities. */
public final class TestConsents {

    private TestConsents() {
    }

    public static OAuth2AuthorizationConsent consent(String registeredClientId, String principalName, String... scopes) {
        OAuth2AuthorizationConsent.Builder builder = OAuth2AuthorizationConsent.withId(registeredClientId, principalName);
        for (String scope : scopes) {
            builder.scope(scope);
        }
        return builder.build();
    }

    public static OAuth2AuthorizationConsent openidProfile() {
        return consent(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "openid", "profile");
    }
}
