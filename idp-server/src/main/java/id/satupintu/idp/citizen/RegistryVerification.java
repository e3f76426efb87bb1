package id.satupintu.idp.citizen;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import id.satupintu.idp.registry.RegistryRecord;

/**
 * How an account is vouched for by the population registry: the family card number from the
 * record, the record's version the account was last brought up to date with, and when the
 * registry last confirmed it. This is the "locally stored verified record" that lets citizens sign
 * in while the registry is unreachable, and the evidence behind {@code verified_claims}.
 *
 * @param registryVersion the {@link RegistryRecord#version()} last applied; older change events are ignored
 * @param verifiedAt when the registry last confirmed the record (enrollment or a change event)
 */
public record RegistryVerification(String familyCardNumber, long registryVersion, Instant verifiedAt)
        implements Serializable {

    public RegistryVerification {
        Objects.requireNonNull(familyCardNumber, "familyCardNumber");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }

    public static RegistryVerification of(RegistryRecord record, Instant verifiedAt) {
        return new RegistryVerification(record.familyCardNumber(), record.version(), verifiedAt);
    }
}
