package id.satupintu.idp.registry.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plausible village names for districts whose real villages the reference data does not list (or
 * lists only a few of):
 * Indonesian place names are very often a prefix and a hopeful root (Sukamaju, Karangrejo,
 * Sumbersari), so the generated ones read naturally without pretending to be real. Codes follow
 * the Kemendagri convention: {@code 1001…} for kelurahan in cities, {@code 2001…} for desa.
 */
final class VillageNames {

    private static final String[] PREFIXES = {"Suka", "Mekar", "Karang", "Tanjung", "Sumber", "Mulya", "Banjar",
        "Taman", "Sido", "Wono", "Pasir", "Batu", "Teluk", "Sungai", "Rejo", "Tegal", "Kebon", "Cempaka"};
    private static final String[] ROOTS = {"maju", "jaya", "makmur", "sari", "rejo", "harjo", "mulya", "asih",
        "indah", "baru", "mukti", "wangi", "agung", "damai", "raya", "sejati"};
    /** A district in the generated population has at least this many villages. */
    static final int MINIMUM = 6;

    private VillageNames() {
    }

    static List<Village> generate(String districtCode, String postalCode, boolean city) {
        return complete(districtCode, postalCode, city, List.of());
    }

    /**
     * @return the listed villages followed by generated ones up to {@link #MINIMUM}, numbered after the highest
     *         listed code so no code repeats
     */
    static List<Village> complete(String districtCode, String postalCode, boolean city, List<Village> listed) {
        if (listed.size() >= MINIMUM) {
            return listed;
        }
        SplittableRandom random = Randoms.of(Long.parseLong(districtCode), 0x56494C4CL, 0);
        Set<String> names = new LinkedHashSet<>();
        listed.forEach(village -> names.add(village.name()));
        while (names.size() < MINIMUM) {
            String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
            String root = ROOTS[random.nextInt(ROOTS.length)];
            String name = prefix + (prefix.endsWith("u") || prefix.endsWith("a") || prefix.endsWith("o")
                    ? root : " " + Character.toUpperCase(root.charAt(0)) + root.substring(1));
            names.add(name);
        }
        List<Village> villages = new ArrayList<>(listed);
        int serial = listed.stream().mapToInt(v -> Integer.parseInt(v.code().substring(6))).max()
                .orElse(city ? 1000 : 2000) + 1;
        for (String name : names.stream().skip(listed.size()).toList()) {
            villages.add(new Village(districtCode + serial++, name, postalCode));
        }
        return villages;
    }
}
