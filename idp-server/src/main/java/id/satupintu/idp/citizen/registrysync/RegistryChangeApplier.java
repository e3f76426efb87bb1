package id.satupintu.idp.citizen.registrysync;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStatus;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryRecord;

/**
 * Applies one registry event to the account with its NIK. The event's record replaces the account's
 * registry-derived data only when its version is newer than the one the account holds, through the
 * store's conditional write, so duplicates, late events and two nodes receiving the same event all
 * leave the newest record in place (the registry's contract, see {@link RegistryEvent}).
 *
 * <p>Name, address and family changes need nothing more: ID tokens and userinfo read the stored
 * account on each request. A recorded death makes the account deceased, then ends its sessions and
 * grants ({@link AccessTermination}).
 */
class RegistryChangeApplier {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryChangeApplier.class);

    private final CitizenStore citizens;
    private final AccessTermination termination;
    private final Clock clock;

    RegistryChangeApplier(CitizenStore citizens, AccessTermination termination, Clock clock) {
        this.citizens = citizens;
        this.termination = termination;
        this.clock = clock;
    }

    /** @throws RuntimeException when storage fails; whatever was done is safe to do again */
    RegistryEventOutcome apply(RegistryEvent event) {
        Optional<Citizen> account = citizens.findByNik(event.nik());
        if (account.isEmpty()) {
            LOG.debug("Registry event {} ignored: no account for {}", event.eventId(), event.nik().masked());
            return RegistryEventOutcome.NO_ACCOUNT;
        }
        Citizen current = account.get();
        RegistryRecord record = event.record();
        long held = current.verification().registryVersion();
        if (record.version() <= held) {
            if (isRedeliveryOfHeldDeath(current, record)) {
                termination.complete(current, event);
            }
            LOG.debug("Registry event {} ignored for {}: version {} not newer than {}", event.eventId(),
                    event.nik().masked(), record.version(), held);
            return RegistryEventOutcome.STALE;
        }
        Citizen updated = current.withRegistryRecord(record, clock.instant());
        if (!citizens.updateFromRegistry(updated)) {
            LOG.debug("Registry event {} ignored for {}: a newer version was stored meanwhile", event.eventId(),
                    event.nik().masked());
            return RegistryEventOutcome.STALE;
        }
        if (record.isDeceased() && current.status() != CitizenStatus.DECEASED) {
            termination.terminate(updated, event);
            return RegistryEventOutcome.DEATH_APPLIED;
        }
        if (current.status() == CitizenStatus.DECEASED && !record.isDeceased()) {
            LOG.warn("Registry record of deceased account {} ({}) no longer records a death; the account stays"
                    + " deceased until an administrator decides", current.id(), current.nik().masked());
        }
        return RegistryEventOutcome.APPLIED;
    }

    /**
     * The same death the account holds, delivered again: the earlier delivery stored it and may have
     * failed before every session and grant was ended.
     */
    private static boolean isRedeliveryOfHeldDeath(Citizen current, RegistryRecord record) {
        return record.isDeceased() && current.status() == CitizenStatus.DECEASED
                && record.version() == current.verification().registryVersion();
    }
}
