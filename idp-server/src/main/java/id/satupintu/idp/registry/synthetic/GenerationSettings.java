package id.satupintu.idp.registry.synthetic;

/**
 * What the synthetic registry generates: how many records from which seed, and the shares of
 * deceased people and of foreign residents. The same settings always give the same records.
 *
 * @param seed any value; different seeds give different populations
 * @param size number of records, at most {@link #MAX_SIZE}
 * @param deceasedShare fraction of records with a date of death (the registry keeps the dead)
 * @param foreignShare fraction of households of foreign residents (WNA with a NIK)
 */
public record GenerationSettings(long seed, long size, double deceasedShare, double foreignShare) {

    /** Bounded by the int-indexed arrays of the index; 50 million records take about 800 MB. */
    public static final long MAX_SIZE = 50_000_000L;
    public static final double DEFAULT_DECEASED_SHARE = 0.005;
    public static final double DEFAULT_FOREIGN_SHARE = 0.003;

    public GenerationSettings {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 0 and " + MAX_SIZE + ", was " + size);
        }
        if (!(deceasedShare >= 0 && deceasedShare <= 1) || !(foreignShare >= 0 && foreignShare <= 1)) {
            throw new IllegalArgumentException("shares must be between 0 and 1");
        }
    }

    /** @return settings with the default shares of deceased people and foreign residents */
    public static GenerationSettings of(long seed, long size) {
        return new GenerationSettings(seed, size, DEFAULT_DECEASED_SHARE, DEFAULT_FOREIGN_SHARE);
    }
}
