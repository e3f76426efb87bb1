package id.satupintu.idp.registry.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Cuts the record numbers into households: household {@code h} holds records
 * {@code start(h)} to {@code start(h + 1) - 1}. Sizes depend only on the seed and {@code h}, so a
 * smaller registry is a prefix of a larger one with the same seed (only its last household may be
 * cut short). One int per household: about 1.2 MB for a million records.
 */
final class HouseholdLayout {

    /** Adults per household (the registry here holds people 17 and over): 1 to 6. */
    private static final int[] SIZE_WEIGHTS = {20, 30, 25, 15, 7, 3};
    private static final int SIZE_TOTAL = Arrays.stream(SIZE_WEIGHTS).sum();

    private final int[] starts;

    private HouseholdLayout(int[] starts) {
        this.starts = starts;
    }

    static HouseholdLayout of(long seed, int size) {
        int[] starts = new int[Math.max(16, size / 2)];
        int count = 0;
        int position = 0;
        while (position < size) {
            if (count + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = position;
            position += sizeOf(seed, count - 1);
        }
        starts[count] = size;
        return new HouseholdLayout(Arrays.copyOf(starts, count + 1));
    }

    /** @return the full size of household {@code h}, before any cut at the end of the registry */
    static int sizeOf(long seed, int household) {
        SplittableRandom random = Randoms.of(seed, Randoms.LAYOUT, household);
        int ticket = random.nextInt(SIZE_TOTAL);
        for (int i = 0; i < SIZE_WEIGHTS.length; i++) {
            ticket -= SIZE_WEIGHTS[i];
            if (ticket < 0) {
                return i + 1;
            }
        }
        throw new AssertionError("unreachable");
    }

    int households() {
        return starts.length - 1;
    }

    int start(int household) {
        return starts[household];
    }

    /** @return how many of the household's members are in the registry (the last may be cut short) */
    int members(int household) {
        return starts[household + 1] - starts[household];
    }

    int householdOf(int index) {
        int found = Arrays.binarySearch(starts, 0, starts.length - 1, index);
        return found >= 0 ? found : -found - 2;
    }
}
