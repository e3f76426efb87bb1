package id.satupintu.sdk.web;

import id.satupintu.sdk.Claims;
import id.satupintu.sdk.Login;
import id.satupintu.sdk.PendingLogin;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Logins and pending logins for repository tests; token values are opaque here. */
public final class TestLogins {

    private TestLogins() {
    }

    public static Login login(String subject, String sid, Instant signedInAt) {
        return new Login(subject, sid, "id-token-" + UUID.randomUUID(), "access-token-" + UUID.randomUUID(),
                signedInAt.plusSeconds(300), "refresh-token-" + UUID.randomUUID(),
                Claims.of(Map.of("sub", subject, "name", "Siti Rahayu", "roles", java.util.List.of("pegawai"))),
                "urn:satupintu:loa:2", signedInAt);
    }

    public static Login login(String subject, String sid) {
        return login(subject, sid, Instant.now());
    }

    public static PendingLogin pending(Instant startedAt) {
        return new PendingLogin("state-" + UUID.randomUUID(), "nonce-" + UUID.randomUUID(),
                "verifier-" + UUID.randomUUID(), "https://app.example/satupintu/callback", "/orders?id=7", startedAt);
    }

    public static PendingLogin pending() {
        return pending(Instant.now());
    }
}
