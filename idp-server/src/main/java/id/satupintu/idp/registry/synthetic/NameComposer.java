package id.satupintu.idp.registry.synthetic;

import java.util.List;
import java.util.SplittableRandom;

import id.satupintu.idp.registry.Sex;

/**
 * Composes a full name, in capitals as the registry prints it, following the household's naming
 * tradition: one or two given names, a family name or marga where the tradition has one, the
 * Balinese birth-order prefix ({@code I WAYAN}, {@code NI MADE}) and the Bugis noble title
 * {@code ANDI} for a few.
 */
final class NameComposer {

    /** Balinese birth-order names: first, second, third and fourth child, then the cycle repeats. */
    private static final String[][] BALINESE_ORDER = {
        {"WAYAN", "PUTU", "GEDE"}, {"MADE", "KADEK", "NENGAH"}, {"NYOMAN", "KOMANG"}, {"KETUT"}};
    private static final int BUGIS_ANDI_PERCENT = 10;

    private final NameLists lists;
    private final TraditionProfiles profiles;

    NameComposer(NameLists lists, TraditionProfiles profiles) {
        this.lists = lists;
        this.profiles = profiles;
    }

    /** @return a family name (or marga) for a member of this tradition, or null when it has none */
    String familyName(NamingTradition tradition, SplittableRandom random) {
        return tradition.hasFamilyName() ? pick(lists.family(tradition), random) : null;
    }

    /**
     * @param familyName the family name the person carries, or null
     * @param birthOrder 1 for a first child; used by the Balinese prefix
     */
    String fullName(NamingTradition tradition, Sex sex, String familyName, int birthOrder, SplittableRandom random) {
        List<String> given = lists.given(tradition, sex);
        String first = pick(given, random);
        StringBuilder name = new StringBuilder();
        switch (tradition) {
            case BALINESE -> {
                String[] order = BALINESE_ORDER[(Math.max(birthOrder, 1) - 1) % BALINESE_ORDER.length];
                name.append(sex == Sex.MALE ? "I " : "NI ").append(order[random.nextInt(order.length)])
                        .append(' ').append(first);
                appendSecond(name, given, first, random, 40);
            }
            case BUGIS -> {
                if (random.nextInt(100) < BUGIS_ANDI_PERCENT) {
                    name.append("ANDI ");
                }
                name.append(first);
                appendSecond(name, given, first, random, 100 - profiles.mononymPercent(tradition));
            }
            default -> {
                name.append(first);
                boolean mononym = familyName == null && random.nextInt(100) < profiles.mononymPercent(tradition);
                if (!mononym) {
                    appendSecond(name, given, first, random, familyName == null ? 100 : 35);
                }
            }
        }
        if (familyName != null) {
            name.append(' ').append(familyName);
        }
        return name.toString();
    }

    private static void appendSecond(StringBuilder name, List<String> given, String first, SplittableRandom random,
                                     int percent) {
        if (random.nextInt(100) < percent && given.size() > 1) {
            String second;
            do {
                second = pick(given, random);
            } while (second.equals(first));
            name.append(' ').append(second);
        }
    }

    private static String pick(List<String> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
