package id.satupintu.idp.registry.synthetic;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import id.satupintu.idp.registry.Sex;

/** The given names, family names and (for foreigners) birth places of {@code registry/names.csv}. */
final class NameLists {

    enum Part { MALE, FEMALE, FAMILY, PLACE }

    private final Map<NamingTradition, Map<Part, List<String>>> names = new EnumMap<>(NamingTradition.class);

    private NameLists() {
    }

    static NameLists load() {
        NameLists lists = new NameLists();
        for (String[] row : ReferenceFile.rows("names.csv")) {
            NamingTradition tradition = NamingTradition.valueOf(row[0]);
            Part part = Part.valueOf(row[1]);
            LinkedHashSet<String> values = new LinkedHashSet<>();
            for (String name : row[2].split(",")) {
                if (!name.isBlank()) {
                    values.add(name.strip());
                }
            }
            lists.names.computeIfAbsent(tradition, t -> new EnumMap<>(Part.class)).put(part, List.copyOf(values));
        }
        for (NamingTradition tradition : NamingTradition.values()) {
            lists.require(tradition, Part.MALE);
            lists.require(tradition, Part.FEMALE);
            if (tradition.hasFamilyName()) {
                lists.require(tradition, Part.FAMILY);
            }
        }
        lists.require(NamingTradition.FOREIGN, Part.PLACE);
        return lists;
    }

    private void require(NamingTradition tradition, Part part) {
        if (get(tradition, part).isEmpty()) {
            throw new IllegalStateException("names.csv lacks " + tradition + " " + part);
        }
    }

    List<String> given(NamingTradition tradition, Sex sex) {
        return get(tradition, sex == Sex.MALE ? Part.MALE : Part.FEMALE);
    }

    List<String> family(NamingTradition tradition) {
        return get(tradition, Part.FAMILY);
    }

    List<String> foreignPlaces() {
        return get(NamingTradition.FOREIGN, Part.PLACE);
    }

    private List<String> get(NamingTradition tradition, Part part) {
        return names.getOrDefault(tradition, Map.of()).getOrDefault(part, List.of());
    }
}
