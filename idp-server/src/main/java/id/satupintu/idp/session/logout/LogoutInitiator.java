package id.satupintu.idp.session.logout;

import java.util.Objects;

/**
 * Who asked for the single sign-on session to end. A SAML initiator is not told again: it asked, and
 * it gets its own answer (a {@code LogoutResponse}, SAML Profiles §4.4.3.4). An OIDC initiator is told
 * like every other client (see {@link SsoLogout}), and gets its {@code post_logout_redirect_uri}
 * (RP-Initiated Logout 1.0 §3).
 *
 * @param kind which protocol's participant, or the citizen on SatuPintu's own page
 * @param id the SAML SP's entity ID or the OIDC client's {@code client_id}; null for the citizen
 */
public record LogoutInitiator(Kind kind, String id) {

    public enum Kind {
        SAML_SERVICE_PROVIDER, OIDC_CLIENT, CITIZEN
    }

    public LogoutInitiator {
        Objects.requireNonNull(kind, "kind");
    }

    public static LogoutInitiator samlServiceProvider(String entityId) {
        return new LogoutInitiator(Kind.SAML_SERVICE_PROVIDER, Objects.requireNonNull(entityId, "entityId"));
    }

    /** @param clientId the client that asked, or null when RP-initiated logout named none */
    public static LogoutInitiator oidcClient(String clientId) {
        return new LogoutInitiator(Kind.OIDC_CLIENT, clientId);
    }

    public static LogoutInitiator citizen() {
        return new LogoutInitiator(Kind.CITIZEN, null);
    }

    boolean isSamlServiceProvider(String entityId) {
        return kind == Kind.SAML_SERVICE_PROVIDER && entityId.equals(id);
    }
}
