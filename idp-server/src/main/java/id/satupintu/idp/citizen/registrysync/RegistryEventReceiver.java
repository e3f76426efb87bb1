package id.satupintu.idp.citizen.registrysync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryEventListener;

/**
 * The registry's change events, from whichever connector delivers them (the embedded registry's
 * feed, the HTTP connector's signed webhook): each is applied to the account and counted in the
 * {@value #METRIC} metric by {@code type} and {@code outcome}. A failure is logged and rethrown, which
 * asks the sender to deliver the event again ({@link RegistryEventListener#onEvent}).
 */
public class RegistryEventReceiver implements RegistryEventListener {

    static final String METRIC = "satupintu.registry.events";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryEventReceiver.class);

    private final RegistryChangeApplier applier;
    private final MeterRegistry meters;

    RegistryEventReceiver(RegistryChangeApplier applier, MeterRegistry meters) {
        this.applier = applier;
        this.meters = meters;
    }

    @Override
    public void onEvent(RegistryEvent event) {
        RegistryEventOutcome outcome;
        try {
            outcome = applier.apply(event);
        } catch (RuntimeException e) {
            count(event, RegistryEventOutcome.FAILED);
            LOG.warn("Registry event {} ({}) for {} not applied; the sender will deliver it again", event.eventId(),
                    event.type(), event.nik().masked(), e);
            throw e;
        }
        count(event, outcome);
    }

    private void count(RegistryEvent event, RegistryEventOutcome outcome) {
        Counter.builder(METRIC).description("Registry change events received, by type and outcome")
                .tag("type", event.type().name().toLowerCase()).tag("outcome", outcome.tag())
                .register(meters).increment();
    }
}
