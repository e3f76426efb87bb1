package id.satupintu.idp.registry.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import id.satupintu.idp.registry.Sex;

/**
 * Chooses the occupation printed on a person's identity card. Age and household role come first
 * (the young are mostly students, many married women are registered as homemakers, the old as
 * pensioners); everyone else draws from {@code registry/occupations.csv}, whose weights differ
 * between cities and rural regencies (farmers are rare in Kota Bandung).
 */
final class OccupationPicker {

    static final String STUDENT = "PELAJAR/MAHASISWA";
    static final String HOMEMAKER = "MENGURUS RUMAH TANGGA";
    static final String PENSIONER = "PENSIUNAN";
    static final int OLDEST = 90;

    private final List<WeightedChoice<String>> urbanByAge = new ArrayList<>();
    private final List<WeightedChoice<String>> ruralByAge = new ArrayList<>();

    private OccupationPicker(List<String[]> rows) {
        for (int age = 0; age <= OLDEST; age++) {
            urbanByAge.add(choiceFor(rows, age, 1));
            ruralByAge.add(choiceFor(rows, age, 2));
        }
    }

    static OccupationPicker load() {
        return new OccupationPicker(ReferenceFile.rows("occupations.csv"));
    }

    private static WeightedChoice<String> choiceFor(List<String[]> rows, int age, int weightColumn) {
        List<ReferenceFile.Weighted<String>> weights = new ArrayList<>();
        for (String[] row : rows) {
            if (Integer.parseInt(row[3]) <= age && age <= Integer.parseInt(row[4])) {
                weights.add(new ReferenceFile.Weighted<>(row[0], Integer.parseInt(row[weightColumn])));
            }
        }
        return weights.stream().anyMatch(w -> w.weight() > 0) ? WeightedChoice.of(weights) : null;
    }

    String pick(int age, Sex sex, boolean married, boolean city, SplittableRandom random) {
        int roll = random.nextInt(100);
        if (age <= 22 && roll < 70 || age <= 25 && roll < 20) {
            return STUDENT;
        }
        if (sex == Sex.FEMALE && married && roll < 45) {
            return HOMEMAKER;
        }
        if (age >= 58 && roll < 35) {
            return PENSIONER;
        }
        WeightedChoice<String> choice = (city ? urbanByAge : ruralByAge).get(Math.min(age, OLDEST));
        return choice == null ? "BELUM/TIDAK BEKERJA" : choice.pick(random);
    }
}
