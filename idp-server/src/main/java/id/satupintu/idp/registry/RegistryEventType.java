package id.satupintu.idp.registry;

/** Kinds of change the registry announces. */
public enum RegistryEventType {
    /** The person died: the account must stop working at once. */
    DEATH,
    /** A legal change of name. */
    NAME_CHANGE,
    /** A move to another address. */
    ADDRESS_CHANGE,
    /** A move to another family card (marriage, divorce, a new household). */
    FAMILY_CHANGE
}
