package id.satupintu.idp.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class PendingSsoRequestsTest {

    private final MockHttpSession session = new MockHttpSession();

    private static ValidatedAuthnRequest request(String id) {
        return new ValidatedAuthnRequest(UUID.randomUUID(), "https://sp.example/", id, "https://sp.example/acs", null,
                null, null, null, List.of(), false, false, null);
    }

    @Test
    void keepWhenFoundByKeyThenSameRequestAndKeysAreUnguessable() {
        String key = PendingSsoRequests.keep(session, request("_a"));

        assertThat(PendingSsoRequests.find(session, key)).map(ValidatedAuthnRequest::requestId).contains("_a");
        assertThat(key).matches("[A-Za-z0-9_-]{24}").isNotEqualTo(PendingSsoRequests.keep(session, request("_a")));
    }

    @Test
    void findWhenKeyUnknownOrNoSessionThenEmpty() {
        PendingSsoRequests.keep(session, request("_a"));

        assertThat(PendingSsoRequests.find(session, "other")).isEmpty();
        assertThat(PendingSsoRequests.find(null, "other")).isEmpty();
        assertThat(PendingSsoRequests.find(session, null)).isEmpty();
    }

    @Test
    void removeWhenAnsweredThenGone() {
        String key = PendingSsoRequests.keep(session, request("_a"));

        PendingSsoRequests.remove(session, key);

        assertThat(PendingSsoRequests.find(session, key)).isEmpty();
    }

    @Test
    void replaceWhenForcedSignInAskedThenSameKeyHoldsUpdatedRequest() {
        String key = PendingSsoRequests.keep(session, request("_a"));
        Instant at = Instant.now();

        PendingSsoRequests.replace(session, key, request("_a").reauthenticationRequested(at));

        assertThat(PendingSsoRequests.find(session, key)).map(ValidatedAuthnRequest::reauthenticationRequestedAt)
                .contains(at);
    }

    @Test
    void keepWhenMoreThanMaximumThenOldestDropped() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i <= PendingSsoRequests.MAX_PENDING; i++) {
            keys.add(PendingSsoRequests.keep(session, request("_" + i)));
        }

        assertThat(PendingSsoRequests.find(session, keys.get(0))).isEmpty();
        assertThat(PendingSsoRequests.find(session, keys.get(PendingSsoRequests.MAX_PENDING))).isPresent();
        assertThat(PendingSsoRequests.find(session, keys.get(1))).isPresent();
    }
}
