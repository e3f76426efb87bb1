package id.satupintu.idp.registry.synthetic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provinces, regencies, districts and villages of {@code registry/regions.csv}, checked on load:
 * every code nests in its parent's (a district's code starts with its regency's), so a record built
 * from the catalog is consistent by construction. Districts are numbered in file order; the
 * synthetic registry stores that ordinal instead of the code.
 */
public final class RegionCatalog {

    private final Map<String, Province> provinces;
    private final Map<String, Regency> regencies;
    private final List<District> districts;
    private final Map<String, Integer> districtOrdinals;

    private RegionCatalog(Map<String, Province> provinces, Map<String, Regency> regencies, List<District> districts) {
        this.provinces = Collections.unmodifiableMap(provinces);
        this.regencies = Collections.unmodifiableMap(regencies);
        this.districts = List.copyOf(districts);
        Map<String, Integer> ordinals = new LinkedHashMap<>();
        for (int i = 0; i < districts.size(); i++) {
            ordinals.put(districts.get(i).code(), i);
        }
        this.districtOrdinals = Collections.unmodifiableMap(ordinals);
    }

    /** Loads {@code registry/regions.csv}. */
    public static RegionCatalog load() {
        return parse(ReferenceFile.rows("regions.csv"));
    }

    static RegionCatalog parse(List<String[]> rows) {
        Map<String, Province> provinces = new LinkedHashMap<>();
        Map<String, Regency> regencies = new LinkedHashMap<>();
        Map<String, String[]> districtRows = new LinkedHashMap<>();
        Map<String, List<Village>> villages = new LinkedHashMap<>();
        for (String[] row : rows) {
            if (row.length < 2 || !row[0].chars().allMatch(Character::isDigit)) {
                throw new IllegalStateException("Malformed region row: " + String.join(";", row));
            }
            String code = row[0];
            String name = row[1];
            String postal = row.length > 2 && !row[2].isEmpty() ? row[2] : null;
            switch (code.length()) {
                case 2 -> provinces.put(code, new Province(code, name));
                case 4 -> regencies.put(code, new Regency(code, name, parent(provinces, code.substring(0, 2), code)));
                case 6 -> {
                    parent(regencies, code.substring(0, 4), code);
                    districtRows.put(code, row);
                }
                case 10 -> {
                    if (!districtRows.containsKey(code.substring(0, 6))) {
                        throw new IllegalStateException("Village " + code + " has no district above it");
                    }
                    villages.computeIfAbsent(code.substring(0, 6), k -> new ArrayList<>())
                            .add(new Village(code, name, postal));
                }
                default -> throw new IllegalStateException("Region code of unexpected length: " + code);
            }
        }
        List<District> districts = new ArrayList<>();
        for (String[] row : districtRows.values()) {
            String code = row[0];
            String postal = row.length > 2 && !row[2].isEmpty() ? row[2] : null;
            Regency regency = regencies.get(code.substring(0, 4));
            List<Village> listed = villages.getOrDefault(code, List.of()).stream()
                    .map(v -> v.postalCode() != null ? v : new Village(v.code(), v.name(), postal)).toList();
            districts.add(new District(code, row[1], postal, regency,
                    VillageNames.complete(code, postal, regency.isCity(), listed)));
        }
        return new RegionCatalog(provinces, regencies, districts);
    }

    private static <T> T parent(Map<String, T> parents, String parentCode, String childCode) {
        T parent = parents.get(parentCode);
        if (parent == null) {
            throw new IllegalStateException("Region " + childCode + " listed before or without its parent " + parentCode);
        }
        return parent;
    }

    public Collection<Province> provinces() {
        return provinces.values();
    }

    public Optional<Province> province(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    public Collection<Regency> regencies() {
        return regencies.values();
    }

    public Optional<Regency> regency(String code) {
        return Optional.ofNullable(regencies.get(code));
    }

    /** @return every district, in file order: the position is the district's ordinal */
    public List<District> districts() {
        return districts;
    }

    public Optional<District> district(String code) {
        Integer ordinal = districtOrdinals.get(code);
        return ordinal == null ? Optional.empty() : Optional.of(districts.get(ordinal));
    }

    /** @return the district's position in {@link #districts()}, or -1 when the catalog does not hold it */
    int districtOrdinal(String code) {
        Integer ordinal = districtOrdinals.get(code);
        return ordinal == null ? -1 : ordinal;
    }
}
