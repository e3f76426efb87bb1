package id.satupintu.idp.registry.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import id.satupintu.idp.registry.Citizenship;
import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.Religion;
import id.satupintu.idp.registry.Sex;

/** The generated population looks like Indonesia's adult population in the ways the IdP relies on. */
class SyntheticPopulationTest {

    private final SyntheticRegistry registry = TestSyntheticRegistries.large();
    private final List<RegistryRecord> records = TestSyntheticRegistries.largeRecords();

    private int age(RegistryRecord record) {
        return Period.between(record.birthDate(), registry.referenceDate()).getYears();
    }

    private double share(long count) {
        return (double) count / records.size();
    }

    @Test
    void agesWhenGeneratedThenSeventeenToNinety() {
        assertThat(records.stream().filter(r -> age(r) < 17 || age(r) > 90)).isEmpty();
        assertThat(records.stream().filter(r -> age(r) == 17).count()).isPositive();
        assertThat(records.stream().filter(r -> age(r) >= 85).count()).isPositive();
    }

    @Test
    void sexWhenGeneratedThenAboutHalfWomen() {
        assertThat(share(records.stream().filter(r -> r.sex() == Sex.FEMALE).count())).isBetween(0.47, 0.53);
    }

    @Test
    void maritalStatusWhenUnderNineteenThenSingle() {
        assertThat(records.stream().filter(r -> age(r) < 19))
                .allSatisfy(record -> assertThat(record.maritalStatus()).isEqualTo(MaritalStatus.SINGLE));
    }

    @Test
    void maritalStatusWhenWidowedThenOlderThanSingleOnAverage() {
        Map<MaritalStatus, Double> averageAge = records.stream().collect(
                Collectors.groupingBy(RegistryRecord::maritalStatus, Collectors.averagingInt(this::age)));

        assertThat(averageAge).containsOnlyKeys(MaritalStatus.values());
        assertThat(averageAge.get(MaritalStatus.WIDOWED)).isGreaterThan(averageAge.get(MaritalStatus.SINGLE) + 15);
        assertThat(averageAge.get(MaritalStatus.MARRIED)).isGreaterThan(averageAge.get(MaritalStatus.SINGLE));
        assertThat(share(records.stream().filter(r -> r.maritalStatus() == MaritalStatus.MARRIED).count()))
                .isBetween(0.4, 0.75);
    }

    @Test
    void deceasedWhenDefaultShareThenAboutHalfAPercentDyingAfterSeventeen() {
        List<RegistryRecord> deceased = records.stream().filter(RegistryRecord::isDeceased).toList();

        assertThat(share(deceased.size())).isBetween(0.004, 0.006);
        assertThat(deceased).allSatisfy(record -> {
            assertThat(record.dateOfDeath()).isBeforeOrEqualTo(registry.referenceDate());
            assertThat(record.dateOfDeath()).isAfterOrEqualTo(record.birthDate().plusYears(17));
        });
    }

    @Test
    void deceasedWhenShareConfiguredThenRoughlyThatShare() {
        SyntheticRegistry dying = SyntheticRegistry.generate(new GenerationSettings(3, 20_000, 0.05, 0));

        long deceased = dying.stream().filter(RegistryRecord::isDeceased).count();
        assertThat(deceased).isBetween(800L, 1_200L);
        assertThat(dying.stream().filter(r -> r.citizenship() == Citizenship.FOREIGN).count()).isZero();
    }

    @Test
    void citizenshipWhenGeneratedThenSmallShareForeignBornAbroad() {
        List<RegistryRecord> foreign = records.stream().filter(r -> r.citizenship() == Citizenship.FOREIGN).toList();

        assertThat(share(foreign.size())).isBetween(0.001, 0.02);
        assertThat(foreign).allSatisfy(record -> assertThat(registry.regions().regencies().stream()
                .map(Regency::placeName)).doesNotContain(record.birthPlace()));
    }

    @Test
    void namesWhenGeneratedThenCapitalsWithSomeSingleNames() {
        assertThat(records.stream().filter(r -> !r.fullName().matches("[A-Z][A-Z .-]*[A-Z]")
                || !r.birthPlace().equals(r.birthPlace().toUpperCase(java.util.Locale.ROOT)))).isEmpty();
        double mononyms = share(records.stream().filter(r -> !r.fullName().contains(" ")).count());
        assertThat(mononyms).isBetween(0.07, 0.14);
        assertThat(records.stream().map(RegistryRecord::fullName).distinct().count()).isGreaterThan(20_000);
    }

    @Test
    void namesWhenBaliThenMostCarryBirthOrderAndAreHindu() {
        List<RegistryRecord> bali = records.stream()
                .filter(r -> r.address().provinceCode().equals("51") && r.citizenship() == Citizenship.INDONESIAN)
                .toList();

        assertThat(bali).isNotEmpty();
        double birthOrder = (double) bali.stream().filter(r -> r.fullName().matches("(I|NI) \\w+ .*")).count()
                / bali.size();
        double hindu = (double) bali.stream().filter(r -> r.religion() == Religion.HINDU).count() / bali.size();
        assertThat(birthOrder).isGreaterThan(0.7);
        assertThat(hindu).isGreaterThan(0.7);
    }

    @Test
    void namesWhenBatakHouseholdThenChildrenCarryTheFathersMarga() {
        long checked = 0;
        for (int i = 0; i < records.size() && checked < 50; i++) {
            long[] members = registry.householdOf(i);
            RegistryRecord head = records.get(i);
            if (members[0] != i || members.length < 3 || head.sex() != Sex.MALE
                    || head.maritalStatus() != MaritalStatus.MARRIED || !head.address().provinceCode().equals("12")) {
                continue;
            }
            String lastName = head.fullName().substring(head.fullName().lastIndexOf(' ') + 1);
            if (!ReferenceData.standard().names().family(NamingTradition.BATAK).contains(lastName)) {
                continue;
            }
            for (int m = 2; m < members.length; m++) {
                assertThat(records.get((int) members[m]).fullName()).endsWith(" " + lastName);
            }
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void occupationWhenYoungThenMostlyStudentsAndWhenOldOftenPensioners() {
        Function<List<RegistryRecord>, Double> students = group -> (double) group.stream()
                .filter(r -> r.occupation().equals(OccupationPicker.STUDENT)).count() / group.size();
        List<RegistryRecord> young = records.stream().filter(r -> age(r) <= 20).toList();
        List<RegistryRecord> middle = records.stream().filter(r -> age(r) >= 35 && age(r) <= 50).toList();

        assertThat(students.apply(young)).isGreaterThan(0.6);
        assertThat(students.apply(middle)).isZero();
        assertThat(records.stream().filter(r -> age(r) < 55).map(RegistryRecord::occupation))
                .doesNotContain(OccupationPicker.PENSIONER);
        assertThat(records.stream().map(RegistryRecord::occupation).distinct().count()).isGreaterThan(25);
    }

    @Test
    void provincesWhenGeneratedThenEveryProvinceInhabitedAndJavaMostPopulous() {
        Map<String, Long> byProvince = records.stream()
                .collect(Collectors.groupingBy(r -> r.address().provinceCode(), Collectors.counting()));

        assertThat(byProvince).hasSize(38);
        long java = byProvince.entrySet().stream().filter(e -> e.getKey().startsWith("3"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(share(java)).isBetween(0.5, 0.62);
    }

    @Test
    void referenceDateWhenGeneratedThenTheDayOfTheRecordsUpdatedAt() {
        assertThat(registry.referenceDate()).isEqualTo(LocalDate.ofInstant(records.get(0).updatedAt(),
                java.time.ZoneOffset.UTC));
    }
}
