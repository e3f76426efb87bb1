package id.satupintu.idp.agency;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * A client's OpenID Connect Front-Channel Logout 1.0 registration (§2): the page the browser loads in
 * an iframe when the citizen's session ends, and whether it needs {@code iss} and {@code sid} on it.
 * Travels with the {@link RegisteredClient} as client settings, like {@link BackChannelLogoutSettings}.
 */
public final class FrontChannelLogoutSettings {

    /** Client metadata name and client-setting name of the front-channel logout page. */
    public static final String URI = "frontchannel_logout_uri";
    /** Client metadata name and client-setting name of the {@code iss}/{@code sid} requirement. */
    public static final String SESSION_REQUIRED = "frontchannel_logout_session_required";

    private FrontChannelLogoutSettings() {
    }

    /** @return the client's front-channel logout URI, or null when it registered none */
    public static String uriOf(RegisteredClient client) {
        return client.getClientSettings().getSetting(URI);
    }

    /** @return whether the client asked for {@code iss} and {@code sid} (§2; false when absent) */
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
