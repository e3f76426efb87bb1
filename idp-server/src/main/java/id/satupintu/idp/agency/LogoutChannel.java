package id.satupintu.idp.agency;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * The two ways an OpenID Connect client can ask to be told that the citizen's session ended, and
 * their registration members: a URI and whether it needs the session id. Both travel with the
 * {@link RegisteredClient} as client settings, like the agency ({@link AgencyOfClient}), under the
 * members' own names.
 */
public enum LogoutChannel {

    /**
     * OpenID Connect Back-Channel Logout 1.0 §2.2: where the server POSTs logout tokens, and whether they
     * must carry {@code sid}.
     */
    BACK("backchannel_logout_uri", "backchannel_logout_session_required"),

    /**
     * OpenID Connect Front-Channel Logout 1.0 §2: the page the browser loads in an iframe when the
     * session ends, and whether it needs {@code iss} and {@code sid} on it.
     */
    FRONT("frontchannel_logout_uri", "frontchannel_logout_session_required");

    private final String uriMember;
    private final String sessionRequiredMember;

    LogoutChannel(String uriMember, String sessionRequiredMember) {
        this.uriMember = uriMember;
        this.sessionRequiredMember = sessionRequiredMember;
    }

    /** @return the client metadata member (and client-setting name) of the URI */
    public String uriMember() {
        return uriMember;
    }

    /** @return the client metadata member (and client-setting name) of the session requirement */
    public String sessionRequiredMember() {
        return sessionRequiredMember;
    }

    /** @return the client's URI for this channel, or null when it registered none */
    public String uriOf(RegisteredClient client) {
        return client.getClientSettings().getSetting(uriMember);
    }

    /** @return whether the client asked for the session id on this channel (false when absent) */
    public boolean sessionRequired(RegisteredClient client) {
        return Boolean.TRUE.equals(client.getClientSettings().getSetting(sessionRequiredMember));
    }

    /** Adds the registration to client settings; a null URI leaves both settings unset. */
    public ClientSettings.Builder apply(ClientSettings.Builder settings, String uri, boolean sessionRequired) {
        if (uri != null) {
            settings.setting(uriMember, uri).setting(sessionRequiredMember, sessionRequired);
        }
        return settings;
    }
}
