package id.satupintu.idp.registry.synthetic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Picks one of several values with probability proportional to its integer weight, by binary
 * search over cumulative weights: the generator draws millions of times, so no per-pick allocation.
 */
final class WeightedChoice<T> {

    private final List<T> values;
    private final long[] cumulative;

    private WeightedChoice(List<T> values, long[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    static <T> WeightedChoice<T> of(Collection<ReferenceFile.Weighted<T>> weighted) {
        List<T> values = new ArrayList<>();
        List<Long> sums = new ArrayList<>();
        long total = 0;
        for (ReferenceFile.Weighted<T> w : weighted) {
            if (w.weight() < 0) {
                throw new IllegalArgumentException("Negative weight for " + w.value());
            }
            if (w.weight() > 0) {
                total += w.weight();
                values.add(w.value());
                sums.add(total);
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Nothing to choose from");
        }
        return new WeightedChoice<>(List.copyOf(values), sums.stream().mapToLong(Long::longValue).toArray());
    }

    /** Every value equally likely. */
    static <T> WeightedChoice<T> uniform(List<T> values) {
        return of(values.stream().map(v -> new ReferenceFile.Weighted<>(v, 1)).toList());
    }

    <R> WeightedChoice<R> map(Function<T, R> mapping) {
        return new WeightedChoice<>(values.stream().map(mapping).toList(), cumulative);
    }

    T pick(SplittableRandom random) {
        long ticket = random.nextLong(cumulative[cumulative.length - 1]);
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > ticket) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return values.get(low);
    }

    List<T> values() {
        return values;
    }
}
