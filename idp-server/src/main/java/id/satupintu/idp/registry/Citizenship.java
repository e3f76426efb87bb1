package id.satupintu.idp.registry;

/** Citizenship as recorded by the registry: WNI (Indonesian citizen) or WNA (foreign resident). */
public enum Citizenship {
    INDONESIAN,
    FOREIGN
}
