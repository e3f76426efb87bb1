package id.satupintu.idp.registry.synthetic;

import java.util.SplittableRandom;

/**
 * Deterministic random sources keyed by (seed, stream, index). Every household and every person
 * draws from its own source, so record {@code i} is a pure function of the seed and {@code i}:
 * nothing has to be generated in order and nothing has to be kept in memory.
 */
final class Randoms {

    /** Household composition: size-independent, read when building the index. */
    static final long HOUSEHOLD = 0x484F555345484F4CL;
    /** Household details that the index does not need: names, street, religion. */
    static final long HOUSEHOLD_DETAILS = 0x484F4C4444455441L;
    /** Per person: given names, occupation, death. */
    static final long PERSON = 0x504552534F4E5F31L;
    /** Household sizes: read once for the layout. */
    static final long LAYOUT = 0x4C41594F55545F31L;

    private Randoms() {
    }

    static SplittableRandom of(long seed, long stream, long index) {
        return new SplittableRandom(mix(mix(seed ^ stream) + index));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: a cheap, well-spread 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
