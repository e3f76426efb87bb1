package id.satupintu.idp.oidc.logout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.idp.agency.LogoutChannel;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.session.SsoParticipants.OidcParticipant;
import id.satupintu.idp.session.logout.LogoutFrame;
import id.satupintu.idp.session.logout.LogoutFrames;

/**
 * The iframes of OpenID Connect Front-Channel Logout 1.0 §3: for each client of the ended session that
 * registered a {@code frontchannel_logout_uri}, that URI with {@code iss} and {@code sid} added as query
 * parameters. §3 requires them when the client registered {@code frontchannel_logout_session_required};
 * they are added for every client (allowed by §3, and what the SatuPintu SDK expects), so a client can
 * always tell which session ended. A query the registered URI had is kept (§2). A client deleted since
 * it joined is skipped and audited as {@value #FAILED}.
 */
@Component
public class FrontChannelLogoutFrames implements LogoutFrames {

    static final String FAILED = "oidc.frontchannel_logout.failed";

    private final RegisteredClientRepository clients;
    private final AuditLog audit;
    private final String issuer;

    @Autowired
    public FrontChannelLogoutFrames(RegisteredClientRepository clients, AuditLog audit, SatuPintuProperties properties) {
        this(clients, audit, properties.issuer());
    }

    FrontChannelLogoutFrames(RegisteredClientRepository clients, AuditLog audit, String issuer) {
        this.clients = clients;
        this.audit = audit;
        this.issuer = issuer;
    }

    @Override
    public List<LogoutFrame> framesFor(UUID citizenId, List<OidcParticipant> participants) {
        List<LogoutFrame> frames = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (OidcParticipant participant : participants) {
            RegisteredClient client = clients.findByClientId(participant.clientId());
            if (client == null) {
                audit.record(AuditEvent.failure(FAILED, participant.clientId(), citizenId, null,
                        Map.of("reason", "client_unknown")));
                continue;
            }
            String registered = LogoutChannel.FRONT.uriOf(client);
            if (registered == null) {
                continue;
            }
            String src = withIssuerAndSession(registered, participant.sid());
            // one client signed in twice in the session (another sub is impossible, the sid is the same)
            if (sources.add(src)) {
                frames.add(new LogoutFrame(client.getClientId(), src));
            }
        }
        return frames;
    }

    /**
     * @return the registered URI with {@code iss} and, when known, {@code sid} appended to its query,
     *         every reserved character of the values percent-encoded
     */
    String withIssuerAndSession(String registered, String sid) {
        StringBuilder src = new StringBuilder(registered);
        if (registered.indexOf('?') < 0) {
            src.append('?');
        } else if (!registered.endsWith("?") && !registered.endsWith("&")) {
            src.append('&');
        }
        src.append("iss=").append(UriUtils.encode(issuer, StandardCharsets.UTF_8));
        if (sid != null) {
            src.append("&sid=").append(UriUtils.encode(sid, StandardCharsets.UTF_8));
        }
        return src.toString();
    }
}
