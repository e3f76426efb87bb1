package id.satupintu.idp.registry.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryAddress;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.Sex;

class SyntheticRegistryTest {

    private final SyntheticRegistry registry = TestSyntheticRegistries.large();
    private final List<RegistryRecord> records = TestSyntheticRegistries.largeRecords();

    @Test
    void generateWhenSameSeedThenSameRecords() {
        SyntheticRegistry first = TestSyntheticRegistries.small(7);
        SyntheticRegistry second = TestSyntheticRegistries.small(7);

        assertThat(first.stream().toList()).isEqualTo(second.stream().toList());
    }

    @Test
    void generateWhenDifferentSeedThenDifferentRecords() {
        List<RegistryRecord> first = TestSyntheticRegistries.small(7).stream().toList();
        List<RegistryRecord> second = TestSyntheticRegistries.small(8).stream().toList();

        long sameNik = IntStream.range(0, first.size())
                .filter(i -> first.get(i).nik().equals(second.get(i).nik())).count();
        assertThat(sameNik).isLessThan(first.size() / 100);
        assertThat(first.get(0).updatedAt()).isNotEqualTo(second.get(0).updatedAt());
    }

    @Test
    void generateWhenSmallerSizeThenPrefixOfLargerWithTheSameSeed() {
        SyntheticRegistry smaller = SyntheticRegistry.generate(
                GenerationSettings.of(TestSyntheticRegistries.SEED, 1_000), List.of());
        SyntheticRegistry larger = SyntheticRegistry.generate(
                GenerationSettings.of(TestSyntheticRegistries.SEED, 5_000), List.of());

        for (int i = 0; i < 990; i++) {
            assertThat(smaller.record(i)).isEqualTo(larger.record(i));
        }
        assertThat(smaller.size()).isEqualTo(1_000);
    }

    @Test
    void recordWhenGeneratedThenNikParsesAndEncodesBirthDateAndSex() {
        List<RegistryRecord> wrong = records.stream().filter(record -> {
            Nik parsed = Nik.parse(record.nik().value());
            int encodedDay = Integer.parseInt(record.nik().value().substring(6, 8));
            int expectedDay = record.birthDate().getDayOfMonth() + (record.sex() == Sex.FEMALE ? 40 : 0);
            return !parsed.birthDate().equals(record.birthDate()) || parsed.sex() != record.sex()
                    || encodedDay != expectedDay || record.nik().serial().equals("0000");
        }).toList();

        assertThat(wrong).isEmpty();
    }

    @Test
    void recordWhenGeneratedThenRegionCodesExistAndNest() {
        RegionCatalog regions = registry.regions();
        Set<RegistryAddress> places = new HashSet<>();
        Set<String> nikDistricts = new HashSet<>();
        List<RegistryRecord> wrong = new ArrayList<>();
        for (RegistryRecord record : records) {
            RegistryAddress a = record.address();
            places.add(new RegistryAddress(null, null, null, a.villageCode(), a.villageName(), a.districtCode(),
                    a.districtName(), a.regencyCode(), a.regencyName(), a.provinceCode(), a.provinceName(),
                    a.postalCode()));
            nikDistricts.add(record.nik().districtCode());
            if (!record.familyCardNumber().startsWith(a.districtCode()) || record.familyCardNumber().length() != 16
                    || !a.rt().matches("\\d{3}") || !a.rw().matches("\\d{3}")) {
                wrong.add(record);
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(nikDistricts).allSatisfy(code -> assertThat(regions.district(code)).isPresent());
        assertThat(places).allSatisfy(address -> {
            District district = regions.district(address.districtCode()).orElseThrow();
            assertThat(district.name()).isEqualTo(address.districtName());
            assertThat(district.regency().code()).isEqualTo(address.regencyCode());
            assertThat(district.regency().name()).isEqualTo(address.regencyName());
            assertThat(district.regency().province().code()).isEqualTo(address.provinceCode());
            assertThat(district.regency().province().name()).isEqualTo(address.provinceName());
            assertThat(district.villages().stream().map(Village::code)).contains(address.villageCode());
            assertThat(address.villageCode()).hasSize(10).startsWith(address.districtCode());
            assertThat(address.postalCode()).matches("\\d{5}");
        });
    }

    @Test
    void niksWhenTwoHundredThousandRecordsThenUnique() {
        Set<String> niks = new HashSet<>();
        List<RegistryRecord> duplicates = records.stream().filter(record -> !niks.add(record.nik().value())).toList();

        assertThat(duplicates).isEmpty();
        assertThat(niks).hasSize(TestSyntheticRegistries.LARGE_SIZE);
    }

    @Test
    void familyCardWhenSameHouseholdThenSharedAndOtherwiseUnique() {
        Map<String, Integer> firstIndexByCard = new HashMap<>();
        List<RegistryRecord> wrong = new ArrayList<>();
        int households = 0;
        for (int i = 0; i < records.size(); i++) {
            long[] members = registry.householdOf(i);
            RegistryRecord record = records.get(i);
            if (members[0] == i) {
                households++;
                if (firstIndexByCard.put(record.familyCardNumber(), i) != null) {
                    wrong.add(record);
                }
            }
            RegistryRecord head = records.get((int) members[0]);
            if (!record.familyCardNumber().equals(head.familyCardNumber()) || !record.address().equals(head.address())) {
                wrong.add(record);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(households).isBetween(records.size() / 4, records.size() / 2);
    }

    @Test
    void householdWhenParentsAndChildrenThenChildrenBornWhenParentsWereAdults() {
        int checked = 0;
        for (int i = 0; i < 50_000; i++) {
            long[] members = registry.householdOf(i);
            RegistryRecord head = records.get(i);
            if (members[0] != i || members.length < 3) {
                continue;
            }
            int firstChild = head.maritalStatus() == MaritalStatus.MARRIED ? 2 : 1;
            for (int m = firstChild; m < members.length; m++) {
                RegistryRecord child = records.get((int) members[m]);
                for (int p = 0; p < firstChild; p++) {
                    RegistryRecord parent = records.get((int) members[p]);
                    assertThat(child.birthDate()).isAfter(parent.birthDate().plusYears(17));
                }
                assertThat(child.maritalStatus()).isIn(MaritalStatus.SINGLE, MaritalStatus.DIVORCED);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    @Test
    void findWhenSampledNikThenThatRecord() {
        for (int i = 0; i < records.size(); i += 37) {
            RegistryRecord record = records.get(i);

            assertThat(registry.find(record.nik())).contains(record);
        }
    }

    @Test
    void findWhenNikAbsentThenEmpty() {
        RegistryRecord record = records.get(123);
        String value = record.nik().value();
        String otherSex = value.substring(0, 6)
                + String.format("%02d", Integer.parseInt(value.substring(6, 8)) + (record.sex() == Sex.MALE ? 40 : -40))
                + value.substring(8);

        assertThat(registry.find(Nik.parse(value.substring(0, 12) + "9999"))).isEmpty();
        assertThat(registry.find(Nik.parse(otherSex))).isEmpty();
        assertThat(registry.find(Nik.parse("9999011203600001"))).isEmpty();
        assertThat(registry.find(Nik.parse(value.substring(0, 6) + "010101" + "0001"))).isEmpty();
    }

    @Test
    void sampleWhenCountGivenThenThatManyDistinctRecordsSpreadOverTheRegistry() {
        List<RegistryRecord> sample = registry.sample(1_000).toList();

        assertThat(sample).hasSize(1_000).doesNotHaveDuplicates();
        assertThat(sample.get(0)).isEqualTo(records.get(0));
        assertThat(sample.get(999)).isEqualTo(records.get(199_800));
        assertThat(TestSyntheticRegistries.small(7).sample(5_000)).hasSize(2_000);
        assertThat(registry.sample(0)).isEmpty();
        assertThatThrownBy(() -> registry.sample(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordWhenIndexOutOfRangeThenRefused() {
        assertThatThrownBy(() -> registry.record(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> registry.record(registry.size())).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void generateWhenEmptyThenNothingFound() {
        SyntheticRegistry empty = SyntheticRegistry.generate(GenerationSettings.of(1, 0));

        assertThat(empty.size()).isZero();
        assertThat(empty.stream()).isEmpty();
        assertThat(empty.find(records.get(0).nik())).isEmpty();
    }

    @Test
    void settingsWhenOutOfRangeThenRefused() {
        assertThatThrownBy(() -> GenerationSettings.of(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GenerationSettings.of(1, GenerationSettings.MAX_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GenerationSettings(1, 10, 1.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GenerationSettings(1, 10, 0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionAndUpdatedAtWhenGeneratedThenFixedPerSeed() {
        assertThat(records.stream().filter(r -> r.version() != 1 || !r.updatedAt().equals(records.get(0).updatedAt())))
                .isEmpty();
        assertThat(registry.referenceDate()).isBeforeOrEqualTo(java.time.LocalDate.now());
    }
}
