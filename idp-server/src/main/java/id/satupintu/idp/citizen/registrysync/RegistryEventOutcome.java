package id.satupintu.idp.citizen.registrysync;

/** What one delivery of a registry event did; the metric's {@code outcome} tag. */
public enum RegistryEventOutcome {
    /** A newer record was written to the account. */
    APPLIED,
    /** A newer record recorded the death: the account is deceased and its sessions and grants ended. */
    DEATH_APPLIED,
    /** The account already held this version or a newer one (duplicate, late, or another node was first). */
    STALE,
    /** No account has this NIK: nothing to keep in step. */
    NO_ACCOUNT,
    /** Applying failed; the sender is asked to deliver again. */
    FAILED;

    String tag() {
        return name().toLowerCase();
    }
}
