package id.satupintu.idp.registry;

import java.util.Optional;

/**
 * The one way SatuPintu talks to the population registry. Implementations: the embedded synthetic
 * registry (quickstart, tests) and the HTTP connector to the registry service.
 */
public interface RegistryConnector {

    /**
     * @return the record with this NIK, or empty when the registry has none
     * @throws RegistryUnavailableException when the registry cannot answer
     */
    Optional<RegistryRecord> lookup(Nik nik);

    /**
     * Checks what a person submitted against the registry's record; names are compared with
     * {@link AttributeMatcher}, dates and the family card number exactly.
     *
     * @throws RegistryUnavailableException when the registry cannot answer
     */
    VerificationOutcome verify(EnrollmentAttributes submitted);

    /** Registers a receiver of change events; events that arrive before any listener are not lost by the sender. */
    void subscribe(RegistryEventListener listener);
}
