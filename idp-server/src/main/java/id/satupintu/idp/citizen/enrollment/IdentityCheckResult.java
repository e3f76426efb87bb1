package id.satupintu.idp.citizen.enrollment;

import java.time.Instant;

import id.satupintu.idp.registry.RegistryRecord;

/** What an identity check concluded, one type per page the citizen can be shown. */
public sealed interface IdentityCheckResult {

    /** Every attribute matched a living person without an account: go on to the password. */
    record Verified(RegistryRecord record) implements IdentityCheckResult {
    }

    /** Unknown NIK or a mismatching attribute: deliberately one result, so nothing tells them apart. */
    record NotMatched() implements IdentityCheckResult {
    }

    /** The form itself was not valid (for example a malformed NIK); format rules reveal nothing about the registry. */
    record InvalidInput() implements IdentityCheckResult {
    }

    /** Every attribute matched, and the person has died. */
    record Deceased() implements IdentityCheckResult {
    }

    /** Every attribute matched, and the NIK already has an account. */
    record AlreadyEnrolled() implements IdentityCheckResult {
    }

    /** Too many failed checks from this address or for this NIK. */
    record Throttled(Instant retryAt) implements IdentityCheckResult {
    }

    /** The registry could not answer; nothing was decided and nothing saved. */
    record RegistryUnavailable() implements IdentityCheckResult {
    }
}
