package id.satupintu.idp.oidc.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import id.satupintu.idp.agency.LogoutChannel;
import id.satupintu.idp.session.SsoParticipants.OidcParticipant;
import id.satupintu.idp.session.logout.LogoutFrame;

/** Which clients get a frame, and the frame's {@code src}: the registered URI plus {@code iss} and {@code sid}. */
class FrontChannelLogoutFramesTest {

    private static final String ISSUER = "https://id.satupintu.example/path";
    private static final String ENCODED_ISSUER = "https%3A%2F%2Fid.satupintu.example%2Fpath";

    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final UUID citizen = UUID.randomUUID();

    private static RegisteredClient client(String frontchannelLogoutUri, boolean sessionRequired) {
        RegisteredClient base = TestLogoutClients.client(null, SignatureAlgorithm.RS256);
        ClientSettings.Builder settings = ClientSettings.withSettings(base.getClientSettings().getSettings());
        LogoutChannel.FRONT.apply(settings, frontchannelLogoutUri, sessionRequired);
        return RegisteredClient.from(base).clientSettings(settings.build()).build();
    }

    private FrontChannelLogoutFrames frames(RegisteredClient... clients) {
        return new FrontChannelLogoutFrames(new InMemoryRegisteredClientRepository(clients), audit, ISSUER);
    }

    @Test
    void framesForWhenUriWithoutQueryThenIssAndSidAddedEncoded() {
        RegisteredClient rp = client("https://rp.example/fc", false);

        List<LogoutFrame> frames = frames(rp).framesFor(citizen, List.of(new OidcParticipant(rp.getClientId(), "s", "a-b_c")));

        assertThat(frames).containsExactly(new LogoutFrame(rp.getClientId(),
                "https://rp.example/fc?iss=" + ENCODED_ISSUER + "&sid=a-b_c"));
    }

    @Test
    void framesForWhenUriHasQueryThenQueryKeptAndParametersAppended() {
        RegisteredClient rp = client("https://rp.example:8443/fc?app=pajak&x=%2F", true);

        List<LogoutFrame> frames = frames(rp).framesFor(citizen, List.of(new OidcParticipant(rp.getClientId(), "s", "sid1")));

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.src()).isEqualTo("https://rp.example:8443/fc?app=pajak&x=%2F&iss=" + ENCODED_ISSUER + "&sid=sid1");
            assertThat(frame.origin()).isEqualTo("https://rp.example:8443");
        });
    }

    @Test
    void framesForWhenParticipantHasNoSidThenOnlyIss() {
        RegisteredClient rp = client("http://127.0.0.1:9000/fc?", false);

        List<LogoutFrame> frames = frames(rp).framesFor(citizen, List.of(new OidcParticipant(rp.getClientId(), "s", null)));

        assertThat(frames).extracting(LogoutFrame::src).containsExactly("http://127.0.0.1:9000/fc?iss=" + ENCODED_ISSUER);
    }

    @Test
    void framesForWhenClientRegisteredNoUriThenSkippedSilently() {
        RegisteredClient rp = client(null, false);

        assertThat(frames(rp).framesFor(citizen, List.of(new OidcParticipant(rp.getClientId(), "s", "sid")))).isEmpty();
        assertThat(audit.recent(FrontChannelLogoutFrames.FAILED, 10)).isEmpty();
    }

    @Test
    void framesForWhenClientDeletedThenSkippedAndAuditedAsFailure() {
        RegisteredClient rp = client("https://rp.example/fc", false);

        List<LogoutFrame> frames = frames(rp).framesFor(citizen, List.of(new OidcParticipant("gone", "s", "sid"),
                new OidcParticipant(rp.getClientId(), "s", "sid")));

        assertThat(frames).extracting(LogoutFrame::clientId).containsExactly(rp.getClientId());
        assertThat(audit.recent(FrontChannelLogoutFrames.FAILED, 10)).singleElement().satisfies(event -> {
            assertThat(event.clientId()).isEqualTo("gone");
            assertThat(event.citizenId()).isEqualTo(citizen);
            assertThat(event.detail()).containsEntry("reason", "client_unknown");
        });
    }

    @Test
    void framesForWhenSameClientJoinedTwiceThenOneFrame() {
        RegisteredClient rp = client("https://rp.example/fc", false);

        List<LogoutFrame> frames = frames(rp).framesFor(citizen, List.of(new OidcParticipant(rp.getClientId(), "s", "sid"),
                new OidcParticipant(rp.getClientId(), "s2", "sid")));

        assertThat(frames).hasSize(1);
    }
}
