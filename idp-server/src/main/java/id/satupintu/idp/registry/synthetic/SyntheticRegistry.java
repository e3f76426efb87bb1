package id.satupintu.idp.registry.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.Sex;
import id.satupintu.idp.registry.embedded.RegistryRecordSource;

/**
 * A deterministic synthetic population registry: realistic records (names of Indonesia's naming
 * traditions, NIKs built from real region codes with birth date and sex encoded, shared family
 * cards, addresses, religion, marital status, occupation, deaths, foreign residents) for the
 * quickstart, the tests and the benchmark.
 *
 * <p>Record {@code i} is a pure function of (seed, i): households are planned from their own
 * random sources, so nothing is generated in order and no record is kept. What is kept is the
 * index that makes NIKs unique and findable: a sorted {@code long[]} and a serial per record plus
 * one int per household, about 15 bytes a record (17 MB of heap for a million, built in about
 * 2 s). A smaller registry is a prefix of a larger one with the same seed.
 */
public final class SyntheticRegistry implements RegistryRecordSource {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticRegistry.class);

    /** Birth and issue dates are indexed as days from this date, 16 bits wide: up to 2079. */
    private static final long FIRST_INDEXED_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final int DAY_SPAN = 1 << 16;
    private static final int MAX_DISTRICTS = 1 << 12;
    private static final Instant EARLIEST_SNAPSHOT = Instant.parse("2025-01-01T02:00:00Z");

    private final GenerationSettings settings;
    private final ReferenceData reference;
    private final LocalDate referenceDate;
    private final HouseholdLayout layout;
    private final HouseholdPlanner planner;
    private final RecordComposer composer;
    private final SerialIndex niks;
    private final SerialIndex familyCards;

    private SyntheticRegistry(GenerationSettings settings, ReferenceData reference, Collection<RegistryRecord> besides) {
        this.settings = settings;
        this.reference = reference;
        Instant updatedAt = EARLIEST_SNAPSHOT.plus(Duration.ofDays(Math.floorMod(Randoms.mix(settings.seed()), 365)));
        this.referenceDate = LocalDate.ofInstant(updatedAt, ZoneOffset.UTC);
        if (reference.regions().districts().size() > MAX_DISTRICTS) {
            throw new IllegalStateException("The index holds at most " + MAX_DISTRICTS + " districts");
        }
        this.layout = HouseholdLayout.of(settings.seed(), (int) settings.size());
        this.planner = new HouseholdPlanner(settings, referenceDate, reference);
        this.composer = new RecordComposer(settings, referenceDate, updatedAt, reference);

        long[] nikKeys = new long[(int) settings.size()];
        long[] cardKeys = new long[layout.households()];
        for (int h = 0; h < layout.households(); h++) {
            HouseholdPlan plan = planner.plan(h);
            int start = layout.start(h);
            for (int m = 0; m < layout.members(h); m++) {
                int prefix = nikPrefix(plan.nikDistricts()[m], plan.birthEpochDays()[m], plan.sexes()[m]);
                nikKeys[start + m] = SerialIndex.key(prefix, start + m);
            }
            cardKeys[h] = SerialIndex.key(cardPrefix(plan.district(), plan.issueEpochDay()), h);
        }
        this.niks = SerialIndex.build(nikKeys, reservedNiks(besides));
        this.familyCards = SerialIndex.build(cardKeys, reservedFamilyCards(besides));
    }

    /** @return a registry of {@code settings.size()} synthetic records */
    public static SyntheticRegistry generate(GenerationSettings settings) {
        return generate(settings, Set.of());
    }

    /**
     * @param besides records served next to the synthetic ones (the demo records): no synthetic record gets one of
     *        their NIKs or family card numbers
     */
    public static SyntheticRegistry generate(GenerationSettings settings, Collection<RegistryRecord> besides) {
        long started = System.nanoTime();
        SyntheticRegistry registry = new SyntheticRegistry(settings, ReferenceData.standard(), besides);
        LOG.info("Synthetic registry of {} records (seed {}) built in {} ms", settings.size(), settings.seed(),
                (System.nanoTime() - started) / 1_000_000);
        return registry;
    }

    @Override
    public Optional<RegistryRecord> find(Nik nik) {
        int district = reference.regions().districtOrdinal(nik.districtCode());
        long day = nik.birthDate().toEpochDay();
        if (district < 0 || day < FIRST_INDEXED_DAY || day >= FIRST_INDEXED_DAY + DAY_SPAN) {
            return Optional.empty();
        }
        int index = niks.find(nikPrefix(district, (int) day, nik.sex()), Integer.parseInt(nik.serial()));
        if (index < 0) {
            return Optional.empty();
        }
        RegistryRecord record = record(index);
        return record.nik().equals(nik) ? Optional.of(record) : Optional.empty();
    }

    @Override
    public long size() {
        return settings.size();
    }

    /**
     * @param index 0 to {@code size() - 1}
     * @return the record at that position; the same for the same seed, whatever the size
     */
    public RegistryRecord record(long index) {
        checkIndex(index);
        int i = (int) index;
        int household = layout.householdOf(i);
        HouseholdPlan plan = planner.plan(household);
        return composer.compose(plan, household, i - layout.start(household), i, niks.serial(i),
                familyCards.serial(household));
    }

    private void checkIndex(long index) {
        if (index < 0 || index >= settings.size()) {
            throw new IndexOutOfBoundsException("No synthetic record " + index + " in a registry of " + size());
        }
    }

    /** @return every record in index order, generated as the stream is consumed */
    public Stream<RegistryRecord> stream() {
        return IntStream.range(0, (int) settings.size()).mapToObj(this::record);
    }

    /**
     * @return {@code count} records spread evenly over the registry (all of them when it is smaller): real NIKs
     *         and attributes for a benchmark's or a test's requests
     */
    public Stream<RegistryRecord> sample(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        long taken = Math.min(count, settings.size());
        return IntStream.range(0, (int) taken).mapToObj(k -> record(k * settings.size() / taken));
    }

    /** @return the indexes of everyone on the same family card as record {@code index}, head first */
    public long[] householdOf(long index) {
        checkIndex(index);
        int household = layout.householdOf((int) index);
        return IntStream.range(layout.start(household), layout.start(household) + layout.members(household))
                .asLongStream().toArray();
    }

    /** @return the date on which everyone's age is computed: the snapshot date of {@link RegistryRecord#updatedAt()} */
    public LocalDate referenceDate() {
        return referenceDate;
    }

    public GenerationSettings settings() {
        return settings;
    }

    public RegionCatalog regions() {
        return reference.regions();
    }

    /** @return the bytes held by the index (not the reference data), for the benchmark's memory figures */
    public long indexFootprintBytes() {
        return niks.footprintBytes() + familyCards.footprintBytes() + (layout.households() + 1L) * 4;
    }

    private static int nikPrefix(int district, int epochDay, Sex sex) {
        return (district * DAY_SPAN + (int) (epochDay - FIRST_INDEXED_DAY)) * 2 + (sex == Sex.FEMALE ? 1 : 0);
    }

    private static int cardPrefix(int district, int epochDay) {
        return district * DAY_SPAN + (int) (epochDay - FIRST_INDEXED_DAY);
    }

    private Set<Long> reservedNiks(Collection<RegistryRecord> besides) {
        Set<Long> reserved = new HashSet<>();
        for (RegistryRecord record : besides) {
            Nik nik = record.nik();
            int district = reference.regions().districtOrdinal(nik.districtCode());
            long day = nik.birthDate().toEpochDay();
            if (district >= 0 && day >= FIRST_INDEXED_DAY && day < FIRST_INDEXED_DAY + DAY_SPAN) {
                reserved.add(SerialIndex.reservation(nikPrefix(district, (int) day, nik.sex()),
                        Integer.parseInt(nik.serial())));
            }
        }
        return reserved;
    }

    /** Family card numbers are district, issue date DDMMYY (this century) and serial. */
    private Set<Long> reservedFamilyCards(Collection<RegistryRecord> besides) {
        Set<Long> reserved = new HashSet<>();
        for (RegistryRecord record : besides) {
            String card = record.familyCardNumber();
            int district = card.length() == 16 ? reference.regions().districtOrdinal(card.substring(0, 6)) : -1;
            if (district < 0 || !card.chars().allMatch(Character::isDigit)) {
                continue;
            }
            try {
                LocalDate issued = LocalDate.of(2000 + Integer.parseInt(card.substring(10, 12)),
                        Integer.parseInt(card.substring(8, 10)), Integer.parseInt(card.substring(6, 8)));
                reserved.add(SerialIndex.reservation(cardPrefix(district, (int) issued.toEpochDay()),
                        Integer.parseInt(card.substring(12))));
            } catch (java.time.DateTimeException e) {
                // not a date: cannot collide with a generated number
            }
        }
        return reserved;
    }
}
