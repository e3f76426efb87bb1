package id.satupintu.idp.session;

/**
 * The single sign-on sessions of a citizen, wherever they are kept: ends them all at once, e.g. when
 * the population registry reports the citizen's death. Sessions are found by the same principal name
 * the authorization server records for the citizen's grants ({@link CitizenAuthenticationToken#getName()},
 * the internal account id), so one name ends both.
 *
 * <p>Implementations: Spring Session's principal-name index in Redis (production, shared by every
 * node) and an index of the servlet container's sessions (the quickstart's single node).
 */
public interface SsoSessions {

    /**
     * Ends every session signed in as {@code principalName}. Idempotent: running it again, say after
     * a failure halfway, ends what is left and counts only that.
     *
     * @return how many sessions this call ended
     */
    int endAllFor(String principalName);
}
