package id.satupintu.keys;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What every node knows about one key: identity, purpose, algorithm, life-cycle state and dates,
 * the public key and any certificate chain. The private key is not here: it stays in the
 * {@link KeyBackend} named by {@link #backend()} (for an HSM it never leaves the token).
 * Immutable; life-cycle methods return the key in its next state.
 *
 * @param kid the JWK {@code kid}; also the alias in PKCS#12 and PKCS#11 back ends
 * @param backend {@link KeyBackend#id()} of the back end holding the private key
 * @param certificateChain leaf first; empty until a certificate is made or imported
 */
public record ManagedKey(String kid, KeyPurpose purpose, KeySpec spec, KeyState state, String backend,
                         PublicKey publicKey, List<X509Certificate> certificateChain, Instant createdAt,
                         Instant activatedAt, Instant retiredAt, Instant destroyedAt) {

    public ManagedKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createdAt, "createdAt");
        certificateChain = certificateChain == null ? List.of() : List.copyOf(certificateChain);
    }

    /** A key just generated: published as NEXT. */
    public static ManagedKey generated(String kid, KeyPurpose purpose, KeySpec spec, String backend,
                                       PublicKey publicKey, Instant now) {
        return new ManagedKey(kid, purpose, spec, KeyState.NEXT, backend, publicKey, List.of(), now, null, null, null);
    }

    public ManagedKey activated(Instant now) {
        return moveTo(KeyState.ACTIVE, now, retiredAt, destroyedAt, now);
    }

    public ManagedKey retired(Instant now) {
        return moveTo(KeyState.RETIRED, activatedAt, now, destroyedAt, now);
    }

    public ManagedKey destroyed(Instant now) {
        return moveTo(KeyState.DESTROYED, activatedAt, retiredAt, now, now);
    }

    public ManagedKey withCertificateChain(List<X509Certificate> chain) {
        return new ManagedKey(kid, purpose, spec, state, backend, publicKey, chain, createdAt, activatedAt, retiredAt,
                destroyedAt);
    }

    private ManagedKey moveTo(KeyState next, Instant activated, Instant retired, Instant destroyed, Instant now) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("key " + kid + " cannot move from " + state + " to " + next);
        }
        Instant newActivated = next == KeyState.ACTIVE ? now : activated;
        return new ManagedKey(kid, purpose, spec, next, backend, publicKey, certificateChain, createdAt, newActivated,
                retired, destroyed);
    }
}
