package id.satupintu.idp.citizen.registrysync;

/**
 * Revokes every grant (refresh grants, access tokens, codes in flight) recorded under a principal
 * name. In the server it is the authorization service's {@code revokeAllForCitizen}; the interface
 * keeps this package free of OAuth types and lets tests make it fail.
 */
@FunctionalInterface
public interface GrantRevocation {

    /** @return how many grants were revoked; idempotent */
    int revokeAllFor(String principalName);
}
