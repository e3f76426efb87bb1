package id.satupintu.idp.registry.synthetic;

import java.util.EnumMap;
import java.util.Map;

import id.satupintu.idp.registry.Religion;

/**
 * Per naming tradition: the share of one-word names and the religion mix, from
 * {@code registry/traditions.csv}. Religion follows the household's tradition because that is
 * where it varies most in Indonesia (Bali is Hindu, Batak largely Protestant, Java largely Muslim).
 */
final class TraditionProfiles {

    private final Map<NamingTradition, Integer> mononymPercent = new EnumMap<>(NamingTradition.class);
    private final Map<NamingTradition, WeightedChoice<Religion>> religions = new EnumMap<>(NamingTradition.class);

    private TraditionProfiles() {
    }

    static TraditionProfiles load() {
        TraditionProfiles profiles = new TraditionProfiles();
        for (String[] row : ReferenceFile.rows("traditions.csv")) {
            NamingTradition tradition = NamingTradition.valueOf(row[0]);
            profiles.mononymPercent.put(tradition, Integer.parseInt(row[1]));
            profiles.religions.put(tradition, WeightedChoice.of(ReferenceFile.weights(row[2])).map(Religion::valueOf));
        }
        for (NamingTradition tradition : NamingTradition.values()) {
            if (!profiles.religions.containsKey(tradition)) {
                throw new IllegalStateException("traditions.csv lacks " + tradition);
            }
        }
        return profiles;
    }

    int mononymPercent(NamingTradition tradition) {
        return mononymPercent.get(tradition);
    }

    WeightedChoice<Religion> religions(NamingTradition tradition) {
        return religions.get(tradition);
    }
}
