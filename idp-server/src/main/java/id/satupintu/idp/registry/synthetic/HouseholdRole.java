package id.satupintu.idp.registry.synthetic;

/** A person's place in a household; marital status and occupation follow from it and from age. */
enum HouseholdRole {
    /** Lives alone: never married, divorced or widowed depending on age. */
    SOLE_ADULT,
    /** Head of a married couple's household. */
    MARRIED_HEAD,
    SPOUSE,
    /** Widowed or divorced head living with adult children. */
    SINGLE_PARENT,
    /** An adult child still on the parents' family card. */
    CHILD
}
