package id.satupintu.keys;

/**
 * Where a key is in its life. Keys only move forward: NEXT → ACTIVE → RETIRED → DESTROYED.
 * A NEXT key is published before it signs, so relying parties that cache the JWKS already know
 * its {@code kid} when the first token signed with it arrives; a RETIRED key stays published
 * until everything it signed has expired.
 */
public enum KeyState {
    /** Published, not yet used. */
    NEXT,
    /** Signs (or decrypts); exactly one per purpose and algorithm. */
    ACTIVE,
    /** No longer signs; still published for verification. */
    RETIRED,
    /** Private key erased from its back end; no longer published. */
    DESTROYED;

    /** @return whether relying parties should still find this key in the published set */
    public boolean isPublished() {
        return this != DESTROYED;
    }

    /** @return whether moving from this state to {@code next} is allowed */
    public boolean canMoveTo(KeyState next) {
        return next.ordinal() == ordinal() + 1 || (this == NEXT && next == DESTROYED);
    }
}
