package id.satupintu.idp.registry.synthetic;

import java.util.HashMap;
import java.util.Map;

/**
 * Where people live and how they are named, from {@code registry/provinces.csv}: the provinces'
 * population weights and each province's mix of naming traditions. Only provinces that have at
 * least one district in the region catalog can be chosen.
 */
final class ProvinceProfiles {

    private final Map<String, Integer> weights;
    private final Map<String, WeightedChoice<NamingTradition>> traditions;

    private ProvinceProfiles(Map<String, Integer> weights, Map<String, WeightedChoice<NamingTradition>> traditions) {
        this.weights = weights;
        this.traditions = traditions;
    }

    static ProvinceProfiles load(RegionCatalog regions) {
        Map<String, Integer> weights = new HashMap<>();
        Map<String, WeightedChoice<NamingTradition>> traditions = new HashMap<>();
        for (String[] row : ReferenceFile.rows("provinces.csv")) {
            String code = row[0];
            if (regions.province(code).isEmpty()) {
                throw new IllegalStateException("provinces.csv names province " + code + ", unknown to regions.csv");
            }
            boolean hasDistricts = regions.districts().stream().anyMatch(d -> d.code().startsWith(code));
            if (hasDistricts) {
                weights.put(code, Integer.parseInt(row[1]));
                traditions.put(code, WeightedChoice.of(ReferenceFile.weights(row[2])).map(NamingTradition::valueOf));
            }
        }
        for (District district : regions.districts()) {
            if (!weights.containsKey(district.regency().province().code())) {
                throw new IllegalStateException("provinces.csv lacks province " + district.regency().province().code());
            }
        }
        return new ProvinceProfiles(weights, traditions);
    }

    /** @return the province's population weight; 0 for a province without districts in the catalog */
    int weight(String provinceCode) {
        return weights.getOrDefault(provinceCode, 0);
    }

    WeightedChoice<NamingTradition> traditions(String provinceCode) {
        return traditions.get(provinceCode);
    }
}
