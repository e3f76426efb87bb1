package id.satupintu.idp.registry.synthetic;

import java.util.Arrays;
import java.util.Set;

/**
 * Gives every item a four-digit serial that is unique among the items sharing its prefix, and
 * finds the item again from (prefix, serial). This is how the registry numbers NIKs (prefix:
 * district, birth date and sex) and family cards (prefix: district and issue date).
 *
 * <p>The index is one sorted {@code long[]} of {@code prefix << 34 | item} plus a {@code short}
 * serial per item: 10 bytes per item, 10 MB for a million. Serials are handed out in item order
 * within a prefix, skipping reserved numbers (the demo records' NIKs), so they are deterministic
 * and never collide with records served beside the synthetic ones.
 */
final class SerialIndex {

    static final int MAX_SERIAL = 9999;
    private static final int ITEM_BITS = 34;
    private static final long ITEM_MASK = (1L << ITEM_BITS) - 1;

    private final long[] keys;
    private final short[] serials;

    private SerialIndex(long[] keys, short[] serials) {
        this.keys = keys;
        this.serials = serials;
    }

    /** @return the key for {@code item} under {@code prefix}; prefixes must be below 2^29 */
    static long key(int prefix, int item) {
        return (long) prefix << ITEM_BITS | item;
    }

    /** @return the number that a reserved (prefix, serial) pair is passed to {@link #build} as */
    static long reservation(int prefix, int serial) {
        return (long) prefix * (MAX_SERIAL + 1) + serial;
    }

    /**
     * @param keys one {@link #key} per item, items numbered 0 to {@code keys.length - 1}; sorted in place and kept
     * @param reserved {@link #reservation}s that must not be handed out
     * @throws IllegalStateException if a prefix would need more than 9999 serials
     */
    static SerialIndex build(long[] keys, Set<Long> reserved) {
        Arrays.sort(keys);
        short[] serials = new short[keys.length];
        int k = 0;
        while (k < keys.length) {
            long prefix = keys[k] >>> ITEM_BITS;
            int serial = 0;
            while (k < keys.length && keys[k] >>> ITEM_BITS == prefix) {
                do {
                    serial++;
                } while (!reserved.isEmpty() && reserved.contains(prefix * (MAX_SERIAL + 1) + serial));
                if (serial > MAX_SERIAL) {
                    throw new IllegalStateException("More than " + MAX_SERIAL + " serials needed for one prefix");
                }
                serials[(int) (keys[k] & ITEM_MASK)] = (short) serial;
                k++;
            }
        }
        return new SerialIndex(keys, serials);
    }

    int serial(int item) {
        return serials[item];
    }

    /** @return the item holding {@code serial} under {@code prefix}, or -1; a binary search */
    int find(int prefix, int serial) {
        int low = 0;
        int high = keys.length;
        long first = key(prefix, 0);
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (keys[mid] < first) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for (int k = low; k < keys.length && keys[k] >>> ITEM_BITS == prefix; k++) {
            int item = (int) (keys[k] & ITEM_MASK);
            if (serials[item] == serial) {
                return item;
            }
            if (serials[item] > serial) {
                return -1;
            }
        }
        return -1;
    }

    /** @return bytes held by the index arrays, for the benchmark's memory figures */
    long footprintBytes() {
        return keys.length * 8L + serials.length * 2L;
    }
}
