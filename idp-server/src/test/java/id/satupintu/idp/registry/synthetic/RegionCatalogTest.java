package id.satupintu.idp.registry.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegionCatalogTest {

    private final RegionCatalog regions = ReferenceData.standard().regions();

    @Test
    void loadWhenStandardThenAllThirtyEightProvincesEachWithADistrict() {
        assertThat(regions.provinces()).hasSize(38);
        assertThat(regions.provinces()).allSatisfy(province -> assertThat(regions.districts())
                .anyMatch(d -> d.regency().province().equals(province)));
        assertThat(regions.province("96").orElseThrow().name()).isEqualTo("Papua Barat Daya");
    }

    @Test
    void loadWhenStandardThenTheDemoRecordsRegionsArePresent() {
        assertThat(regions.district("317101").orElseThrow().name()).isEqualTo("Gambir");
        assertThat(regions.district("327301").orElseThrow().name()).isEqualTo("Sukasari");
        assertThat(regions.district("357801").orElseThrow().name()).isEqualTo("Karang Pilang");
        assertThat(regions.district("337401").orElseThrow().name()).isEqualTo("Semarang Tengah");
        assertThat(regions.district("517103").orElseThrow().name()).isEqualTo("Denpasar Barat");
        assertThat(regions.district("127101").orElseThrow().name()).isEqualTo("Medan Kota");
        assertThat(regions.regency("3171").orElseThrow().name()).isEqualTo("Kota Administrasi Jakarta Pusat");
        assertThat(regions.regency("3273").orElseThrow().placeName()).isEqualTo("BANDUNG");
    }

    @Test
    void loadWhenStandardThenEveryCodeNestsInItsParents() {
        assertThat(regions.regencies()).allSatisfy(regency ->
                assertThat(regency.code()).hasSize(4).startsWith(regency.province().code()));
        assertThat(regions.districts()).allSatisfy(district -> {
            assertThat(district.code()).hasSize(6).startsWith(district.regency().code());
            assertThat(district.postalCode()).matches("\\d{5}");
            assertThat(district.villages()).isNotEmpty().allSatisfy(village -> {
                assertThat(village.code()).hasSize(10).startsWith(district.code());
                assertThat(village.postalCode()).matches("\\d{5}");
            });
        });
    }

    @Test
    void regencyWhenCodedSeventyOneOrMoreThenCity() {
        assertThat(regions.regency("3273").orElseThrow().isCity()).isTrue();
        assertThat(regions.regency("3204").orElseThrow().isCity()).isFalse();
    }

    @Test
    void villagesWhenDistrictListsNoneThenGeneratedWithCodesForItsKind() {
        List<Village> villages = VillageNames.generate("320401", "40375", false);

        assertThat(villages).hasSize(6).allSatisfy(village -> assertThat(village.code()).startsWith("3204012"));
        assertThat(villages.stream().map(Village::name).distinct()).hasSize(6);
        assertThat(VillageNames.generate("327399", "40111", true).get(0).code()).isEqualTo("3273991001");
        assertThat(VillageNames.generate("320401", "40375", false)).isEqualTo(villages);
    }

    @Test
    void villagesWhenDistrictListsFewThenCompletedAfterTheListedCodes() {
        District bakongan = regions.district("110101").orElseThrow();

        assertThat(bakongan.villages()).hasSize(VillageNames.MINIMUM);
        assertThat(bakongan.villages().get(0)).isEqualTo(new Village("1101012001", "Keude Bakongan", "23773"));
        assertThat(bakongan.villages().get(1).code()).isEqualTo("1101012002");
        assertThat(bakongan.villages().stream().map(Village::code).distinct()).hasSize(VillageNames.MINIMUM);
        assertThat(regions.district("317107").orElseThrow().villages()).hasSize(7);
    }

    @Test
    void parseWhenVillageWithoutDistrictThenRefused() {
        List<String[]> rows = List.of(new String[] {"32", "Jawa Barat", ""}, new String[] {"3273", "Kota Bandung", ""},
                new String[] {"3273011001", "Sukarasa", "40152"});

        assertThatThrownBy(() -> RegionCatalog.parse(rows)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3273011001");
    }

    @Test
    void parseWhenRegencyBeforeItsProvinceThenRefused() {
        List<String[]> rows = List.<String[]>of(new String[] {"3273", "Kota Bandung", ""});

        assertThatThrownBy(() -> RegionCatalog.parse(rows)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32");
    }

    @Test
    void parseWhenCodeMalformedThenRefused() {
        assertThatThrownBy(() -> RegionCatalog.parse(List.<String[]>of(new String[] {"3X", "Jawa"})))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RegionCatalog.parse(List.<String[]>of(new String[] {"321", "Jawa"})))
                .isInstanceOf(IllegalStateException.class);
    }
}
