package id.satupintu.idp.registry.synthetic;

import java.util.List;

/**
 * Everything the generator reads from {@code registry/}: regions, where people live, names,
 * occupations, streets. Loaded once per process; it is immutable and small (a few hundred rows).
 */
public final class ReferenceData {

    private static volatile ReferenceData standard;

    private final RegionCatalog regions;
    private final ProvinceProfiles provinces;
    private final TraditionProfiles traditions;
    private final NameLists names;
    private final OccupationPicker occupations;
    private final List<String> streets;

    private ReferenceData() {
        this.regions = RegionCatalog.load();
        this.provinces = ProvinceProfiles.load(regions);
        this.traditions = TraditionProfiles.load();
        this.names = NameLists.load();
        this.occupations = OccupationPicker.load();
        this.streets = StreetNames.load();
    }

    /** @return the reference data on the class path, loaded on first use */
    public static ReferenceData standard() {
        ReferenceData data = standard;
        if (data == null) {
            synchronized (ReferenceData.class) {
                data = standard;
                if (data == null) {
                    data = new ReferenceData();
                    standard = data;
                }
            }
        }
        return data;
    }

    public RegionCatalog regions() {
        return regions;
    }

    ProvinceProfiles provinces() {
        return provinces;
    }

    TraditionProfiles traditions() {
        return traditions;
    }

    NameLists names() {
        return names;
    }

    OccupationPicker occupations() {
        return occupations;
    }

    List<String> streets() {
        return streets;
    }
}
