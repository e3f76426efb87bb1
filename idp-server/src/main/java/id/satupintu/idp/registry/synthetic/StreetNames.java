package id.satupintu.idp.registry.synthetic;

import java.util.List;

/** Street names from {@code registry/streets.csv}, for synthetic addresses. */
final class StreetNames {

    private StreetNames() {
    }

    static List<String> load() {
        return ReferenceFile.rows("streets.csv").stream().map(row -> row[0]).toList();
    }
}
