package id.satupintu.idp.registry.synthetic;

import id.satupintu.idp.registry.Sex;

/**
 * The numeric skeleton of one household: where it lives, when its family card was issued and who
 * its members are (role, sex, birth date, district of NIK issue). It is all the index needs, so
 * building the index for a million records creates no strings. Arrays are indexed by member
 * position: head first, then spouse, then children.
 *
 * @param district ordinal of the district of residence in the region catalog
 * @param village index of the village within the district
 * @param nikDistricts ordinal of the district each member's NIK was issued in (migrants differ)
 */
record HouseholdPlan(int district, int village, NamingTradition tradition, int issueEpochDay,
                     HouseholdRole[] roles, Sex[] sexes, int[] birthEpochDays, int[] nikDistricts) {

    int size() {
        return roles.length;
    }
}
