package id.satupintu.idp.registry.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import id.satupintu.idp.registry.Sex;

/**
 * Plans household {@code h} from (seed, h) alone: the district (provinces by population, then a
 * district of that province), the naming tradition of that province, and members whose ages fit
 * together: couples within a few years of each other, adult children born when the younger parent
 * was at least 18. Everyone is 17 to 90 on the reference date, the ages at which Indonesians hold
 * an identity card.
 */
final class HouseholdPlanner {

    static final int YOUNGEST = 17;
    static final int OLDEST = 90;
    private static final int SINGLE_PARENT_PERCENT = 15;
    private static final int MALE_HEAD_PERCENT = 88;
    private static final int MIGRANT_PERCENT = 20;
    private static final LocalDate FIRST_FAMILY_CARD = LocalDate.of(2006, 1, 1);

    private final long seed;
    private final double foreignShare;
    private final LocalDate referenceDate;
    private final ReferenceData reference;
    private final WeightedChoice<Integer> districtsByPopulation;

    HouseholdPlanner(GenerationSettings settings, LocalDate referenceDate, ReferenceData reference) {
        this.seed = settings.seed();
        this.foreignShare = settings.foreignShare();
        this.referenceDate = referenceDate;
        this.reference = reference;
        this.districtsByPopulation = districtsByPopulation(reference);
    }

    /** Province weight spread evenly over the province's districts in the catalog. */
    private static WeightedChoice<Integer> districtsByPopulation(ReferenceData reference) {
        List<District> districts = reference.regions().districts();
        List<ReferenceFile.Weighted<Integer>> weights = new ArrayList<>();
        for (int i = 0; i < districts.size(); i++) {
            String province = districts.get(i).code().substring(0, 2);
            long inProvince = districts.stream().filter(d -> d.code().startsWith(province)).count();
            int provinceWeight = reference.provinces().weight(province);
            weights.add(new ReferenceFile.Weighted<>(i, (int) Math.max(1, provinceWeight * 1000L / inProvince)));
        }
        return WeightedChoice.of(weights);
    }

    HouseholdPlan plan(int household) {
        SplittableRandom random = Randoms.of(seed, Randoms.HOUSEHOLD, household);
        int size = HouseholdLayout.sizeOf(seed, household);
        boolean foreign = random.nextDouble() < foreignShare;
        int district = districtsByPopulation.pick(random);
        District place = reference.regions().districts().get(district);
        int village = random.nextInt(place.villages().size());
        NamingTradition tradition = foreign ? NamingTradition.FOREIGN
                : reference.provinces().traditions(place.code().substring(0, 2)).pick(random);
        int firstCard = (int) FIRST_FAMILY_CARD.toEpochDay();
        int issueEpochDay = firstCard + random.nextInt((int) referenceDate.minusDays(30).toEpochDay() - firstCard);

        HouseholdRole[] roles = new HouseholdRole[size];
        Sex[] sexes = new Sex[size];
        int[] ages = new int[size];
        if (size == 1) {
            roles[0] = HouseholdRole.SOLE_ADULT;
            sexes[0] = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            ages[0] = 20 + Math.min(random.nextInt(71), random.nextInt(71));
        } else if (random.nextInt(100) < SINGLE_PARENT_PERCENT) {
            roles[0] = HouseholdRole.SINGLE_PARENT;
            sexes[0] = random.nextInt(100) < 65 ? Sex.FEMALE : Sex.MALE;
            ages[0] = 40 + random.nextInt(46);
            addChildren(roles, sexes, ages, 1, ages[0], random);
        } else {
            roles[0] = HouseholdRole.MARRIED_HEAD;
            roles[1] = HouseholdRole.SPOUSE;
            sexes[0] = random.nextInt(100) < MALE_HEAD_PERCENT ? Sex.MALE : Sex.FEMALE;
            sexes[1] = sexes[0] == Sex.MALE ? Sex.FEMALE : Sex.MALE;
            int youngestParent = size >= 3 ? 36 : 20;
            ages[0] = size >= 3 ? 38 + random.nextInt(43) : 22 + Math.min(random.nextInt(64), random.nextInt(64));
            int gap = random.nextInt(9) - 2;
            int spouseAge = sexes[0] == Sex.MALE ? ages[0] - gap : ages[0] + gap;
            ages[1] = Math.max(youngestParent, Math.min(OLDEST, spouseAge));
            addChildren(roles, sexes, ages, 2, Math.min(ages[0], ages[1]), random);
        }

        int[] birthEpochDays = new int[size];
        int[] nikDistricts = new int[size];
        for (int m = 0; m < size; m++) {
            birthEpochDays[m] = (int) referenceDate.minusYears(ages[m]).minusDays(random.nextInt(365)).toEpochDay();
            boolean migrant = roles[m] != HouseholdRole.CHILD && random.nextInt(100) < MIGRANT_PERCENT;
            nikDistricts[m] = migrant ? districtsByPopulation.pick(random) : district;
        }
        return new HouseholdPlan(district, village, tradition, issueEpochDay, roles, sexes, birthEpochDays,
                nikDistricts);
    }

    /** Adult children, born when the younger parent was 18 or older, and at most 35 themselves. */
    private static void addChildren(HouseholdRole[] roles, Sex[] sexes, int[] ages, int from, int youngerParentAge,
                                    SplittableRandom random) {
        int oldest = Math.max(YOUNGEST, Math.min(35, youngerParentAge - 18));
        for (int m = from; m < roles.length; m++) {
            roles[m] = HouseholdRole.CHILD;
            sexes[m] = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            ages[m] = YOUNGEST + random.nextInt(oldest - YOUNGEST + 1);
        }
    }
}
