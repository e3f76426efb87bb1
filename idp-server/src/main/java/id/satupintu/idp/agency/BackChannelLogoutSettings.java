package id.satupintu.idp.agency;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * A client's OpenID Connect Back-Channel Logout 1.0 registration (§2.2): where its logout tokens go
 * and whether it needs {@code sid} in them. Travels with the {@link RegisteredClient} as client
 * settings, like the agency ({@link AgencyOfClient}).
 */
public final class BackChannelLogoutSettings {

    /** Client metadata name and client-setting name of the back-channel logout endpoint. */
    public static final String URI = "backchannel_logout_uri";
    /** Client metadata name and client-setting name of the {@code sid} requirement. */
    public static final String SESSION_REQUIRED = "backchannel_logout_session_required";

    private BackChannelLogoutSettings() {
    }

    /** @return the client's back-channel logout endpoint, or null when it registered none */
    public static String uriOf(RegisteredClient client) {
        return client.getClientSettings().getSetting(URI);
    }

    /** @return whether the client asked for {@code sid} in logout tokens (§2.2; false when absent) */
    public static boolean sessionRequired(RegisteredClient client) {
        return Boolean.TRUE.equals(client.getClientSettings().getSetting(SESSION_REQUIRED));
    }

    /** Adds the registration to client settings; a null URI leaves both settings unset. */
    public static ClientSettings.Builder apply(ClientSettings.Builder settings, String uri, boolean sessionRequired) {
        if (uri != null) {
            settings.setting(URI, uri).setting(SESSION_REQUIRED, sessionRequired);
        }
        return settings;
    }
}
