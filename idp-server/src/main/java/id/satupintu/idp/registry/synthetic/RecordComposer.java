package id.satupintu.idp.registry.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.SplittableRandom;

import id.satupintu.idp.registry.Citizenship;
import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryAddress;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.Religion;
import id.satupintu.idp.registry.Sex;

/**
 * Turns a household plan, a member position and the serials from the index into the registry
 * record: NIK and family card number in the registry's formats, names, address, religion,
 * marital status, occupation and, for a few, the date of death. Household-wide details (religion,
 * family names, street) come from the household's own random source, drawn in a fixed order, so
 * every member of a household sees the same ones whichever member is asked for first.
 */
final class RecordComposer {

    private static final int FEMALE_DAY_OFFSET = 40;

    private final ReferenceData reference;
    private final NameComposer names;
    private final long seed;
    private final double deceasedShare;
    private final LocalDate referenceDate;
    private final Instant updatedAt;

    RecordComposer(GenerationSettings settings, LocalDate referenceDate, Instant updatedAt, ReferenceData reference) {
        this.reference = reference;
        this.names = new NameComposer(reference.names(), reference.traditions());
        this.seed = settings.seed();
        this.deceasedShare = settings.deceasedShare();
        this.referenceDate = referenceDate;
        this.updatedAt = updatedAt;
    }

    RegistryRecord compose(HouseholdPlan plan, int household, int member, int index, int nikSerial, int cardSerial) {
        List<District> districts = reference.regions().districts();
        District home = districts.get(plan.district());
        NamingTradition tradition = plan.tradition();

        SplittableRandom householdRandom = Randoms.of(seed, Randoms.HOUSEHOLD_DETAILS, household);
        Religion religion = reference.traditions().religions(tradition).pick(householdRandom);
        String headFamily = names.familyName(tradition, householdRandom);
        String spouseFamily = names.familyName(tradition, householdRandom);
        String street = reference.streets().get(householdRandom.nextInt(reference.streets().size()))
                + " No. " + (1 + householdRandom.nextInt(150));
        String rt = threeDigits(1 + householdRandom.nextInt(15));
        String rw = threeDigits(1 + householdRandom.nextInt(12));
        int[] adultBirthOrders = {1 + householdRandom.nextInt(4), 1 + householdRandom.nextInt(4)};

        HouseholdRole role = plan.roles()[member];
        Sex sex = plan.sexes()[member];
        LocalDate birthDate = LocalDate.ofEpochDay(plan.birthEpochDays()[member]);
        int age = Period.between(birthDate, referenceDate).getYears();
        District nikDistrict = districts.get(plan.nikDistricts()[member]);

        SplittableRandom random = Randoms.of(seed, Randoms.PERSON, index);
        String familyName = switch (role) {
            case SPOUSE -> spouseFamily;
            case CHILD -> fatherFamily(plan, headFamily, spouseFamily);
            default -> headFamily;
        };
        int birthOrder = role == HouseholdRole.CHILD ? member - firstChild(plan) + 1
                : adultBirthOrders[role == HouseholdRole.SPOUSE ? 1 : 0];
        String fullName = names.fullName(tradition, sex, familyName, birthOrder, random);
        MaritalStatus maritalStatus = maritalStatus(role, age, random);
        boolean married = maritalStatus == MaritalStatus.MARRIED;
        String occupation = reference.occupations().pick(age, sex, married, home.regency().isCity(), random);
        LocalDate dateOfDeath = random.nextDouble() < deceasedShare ? dateOfDeath(birthDate, random) : null;
        boolean foreign = tradition == NamingTradition.FOREIGN;
        String birthPlace = foreign ? pick(reference.names().foreignPlaces(), random)
                : nikDistrict.regency().placeName();

        Village village = home.villages().get(plan.village());
        Regency regency = home.regency();
        RegistryAddress address = new RegistryAddress(street, rt, rw, village.code(), village.name(), home.code(),
                home.name(), regency.code(), regency.name(), regency.province().code(), regency.province().name(),
                village.postalCode() != null ? village.postalCode() : home.postalCode());

        Nik nik = Nik.parse(nikDistrict.code() + birthDigits(birthDate, sex) + fourDigits(nikSerial), referenceDate);
        String familyCard = home.code() + dateDigits(LocalDate.ofEpochDay(plan.issueEpochDay()), 0)
                + fourDigits(cardSerial);
        return new RegistryRecord(nik, familyCard, fullName, birthPlace, birthDate, sex, address, religion,
                maritalStatus, occupation, foreign ? Citizenship.FOREIGN : Citizenship.INDONESIAN, dateOfDeath, 1,
                updatedAt);
    }

    private static String fatherFamily(HouseholdPlan plan, String headFamily, String spouseFamily) {
        boolean spouseIsFather = plan.roles()[0] == HouseholdRole.MARRIED_HEAD && plan.sexes()[0] == Sex.FEMALE;
        return spouseIsFather ? spouseFamily : headFamily;
    }

    private static int firstChild(HouseholdPlan plan) {
        return plan.roles()[0] == HouseholdRole.MARRIED_HEAD ? 2 : 1;
    }

    /** Nobody under 19, the minimum age for marriage, is married, divorced or widowed. */
    private static MaritalStatus maritalStatus(HouseholdRole role, int age, SplittableRandom random) {
        int roll = random.nextInt(100);
        return switch (role) {
            case MARRIED_HEAD, SPOUSE -> MaritalStatus.MARRIED;
            case SINGLE_PARENT -> roll < 60 ? MaritalStatus.WIDOWED : MaritalStatus.DIVORCED;
            case CHILD -> age >= 25 && roll < 8 ? MaritalStatus.DIVORCED : MaritalStatus.SINGLE;
            case SOLE_ADULT -> {
                if (age < 25) {
                    yield MaritalStatus.SINGLE;
                }
                if (age < 60) {
                    yield roll < 55 ? MaritalStatus.SINGLE : roll < 80 ? MaritalStatus.DIVORCED : MaritalStatus.WIDOWED;
                }
                yield roll < 60 ? MaritalStatus.WIDOWED : roll < 75 ? MaritalStatus.DIVORCED : MaritalStatus.SINGLE;
            }
        };
    }

    /** Within the five years before the reference date, and not before the person turned 17. */
    private LocalDate dateOfDeath(LocalDate birthDate, SplittableRandom random) {
        LocalDate earliest = birthDate.plusYears(HouseholdPlanner.YOUNGEST);
        LocalDate fiveYearsBack = referenceDate.minusYears(5);
        if (earliest.isBefore(fiveYearsBack)) {
            earliest = fiveYearsBack;
        }
        long span = referenceDate.toEpochDay() - earliest.toEpochDay();
        return span <= 1 ? referenceDate : earliest.plusDays(random.nextLong(span));
    }

    /** DDMMYY with 40 added to the day for women, as the NIK encodes it. */
    static String birthDigits(LocalDate birthDate, Sex sex) {
        return dateDigits(birthDate, sex == Sex.FEMALE ? FEMALE_DAY_OFFSET : 0);
    }

    private static String dateDigits(LocalDate date, int dayOffset) {
        return twoDigits(date.getDayOfMonth() + dayOffset) + twoDigits(date.getMonthValue())
                + twoDigits(date.getYear() % 100);
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String threeDigits(int value) {
        return padded(value, 3);
    }

    private static String fourDigits(int value) {
        return padded(value, 4);
    }

    /** Zero-padded digits; String.format costs more than the rest of a record together. */
    private static String padded(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static String pick(List<String> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
