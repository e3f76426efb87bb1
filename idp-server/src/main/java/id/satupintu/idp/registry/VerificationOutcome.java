package id.satupintu.idp.registry;

import java.util.Objects;

/**
 * The registry's answer to {@link RegistryConnector#verify}. An unknown NIK and a mismatching
 * attribute are deliberately one outcome, {@link NotMatched}, so nothing downstream can tell them
 * apart and reveal which NIKs exist. {@link Deceased} is only returned when every attribute matched.
 */
public sealed interface VerificationOutcome {

    /** Every submitted attribute matched a living person's record. */
    record Verified(RegistryRecord record) implements VerificationOutcome {
        public Verified {
            Objects.requireNonNull(record, "record");
        }
    }

    /** No record with that NIK, or at least one attribute differs. */
    record NotMatched() implements VerificationOutcome {
    }

    /** The attributes matched the record of a person who has died. */
    record Deceased() implements VerificationOutcome {
    }
}
