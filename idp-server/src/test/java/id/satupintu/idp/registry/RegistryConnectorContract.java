package id.satupintu.idp.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.embedded.EmbeddedRegistry;

/**
 * What every {@link RegistryConnector} promises, run against each implementation over the demo
 * records: the embedded registry directly, and the HTTP connector talking to the registry
 * simulator over mutual TLS. {@link #registry()} is the registry behind the connector, through which
 * a test makes changes that the connector must announce to its subscribers.
 */
public abstract class RegistryConnectorContract {

    /** Generous: events cross a thread (and for HTTP a webhook); no test waits this long when it passes. */
    protected static final Duration EVENT_WAIT = Duration.ofSeconds(20);

    protected abstract RegistryConnector connector();

    protected abstract EmbeddedRegistry registry();

    @Test
    void lookupWhenKnownNikThenTheWholeRecord() {
        assertThat(connector().lookup(DemoRegistryRecords.RINA.nik())).contains(DemoRegistryRecords.RINA);
    }

    @Test
    void lookupWhenRecordHasEmptyAddressFieldsThenTheyStayEmpty() {
        assertThat(connector().lookup(DemoRegistryRecords.DEWI.nik())).contains(DemoRegistryRecords.DEWI);
    }

    @Test
    void lookupWhenUnknownNikThenEmpty() {
        assertThat(connector().lookup(Nik.parse(TestNiks.man(1, 2, 99)))).isEmpty();
    }

    @Test
    void verifyWhenEveryAttributeMatchesThenVerifiedWithTheRecord() {
        RegistryRecord agus = DemoRegistryRecords.AGUS;

        VerificationOutcome outcome = connector().verify(
                new EnrollmentAttributes(agus.nik(), agus.fullName(), agus.birthDate(), agus.familyCardNumber()));

        assertThat(outcome).isEqualTo(new VerificationOutcome.Verified(agus));
    }

    @Test
    void verifyWhenNameTypedInOtherCaseAndSpacingThenVerified() {
        RegistryRecord rina = DemoRegistryRecords.RINA;

        VerificationOutcome outcome = connector().verify(
                new EnrollmentAttributes(rina.nik(), " rina   wulandari ", rina.birthDate(), rina.familyCardNumber()));

        assertThat(outcome).isInstanceOf(VerificationOutcome.Verified.class);
    }

    @Test
    void verifyWhenBirthDateDiffersThenNotMatched() {
        RegistryRecord rina = DemoRegistryRecords.RINA;

        VerificationOutcome outcome = connector().verify(new EnrollmentAttributes(rina.nik(), rina.fullName(),
                rina.birthDate().plusDays(1), rina.familyCardNumber()));

        assertThat(outcome).isEqualTo(new VerificationOutcome.NotMatched());
    }

    @Test
    void verifyWhenUnknownNikThenNotMatchedLikeAMismatch() {
        VerificationOutcome outcome = connector().verify(new EnrollmentAttributes(Nik.parse(TestNiks.man(1, 2, 99)),
                "NOBODY", LocalDate.of(1999, 2, 1), "3171010101200001"));

        assertThat(outcome).isEqualTo(new VerificationOutcome.NotMatched());
    }

    @Test
    void verifyWhenPersonDiedThenDeceased() {
        RegistryRecord hendra = DemoRegistryRecords.HENDRA;

        VerificationOutcome outcome = connector().verify(new EnrollmentAttributes(hendra.nik(), hendra.fullName(),
                hendra.birthDate(), hendra.familyCardNumber()));

        assertThat(outcome).isEqualTo(new VerificationOutcome.Deceased());
    }

    @Test
    void subscribeWhenRegistryRecordsADeathThenSubscriberGetsTheNewVersionAndLookupShowsIt() throws Exception {
        List<RegistryEvent> received = new CopyOnWriteArrayList<>();
        connector().subscribe(received::add);
        Nik budi = DemoRegistryRecords.BUDI.nik();
        long before = connector().lookup(budi).orElseThrow().version();

        RegistryEvent event = registry().recordDeath(budi, LocalDate.of(2026, 11, 1));

        awaitUntil(() -> received.stream().anyMatch(e -> e.eventId().equals(event.eventId())));
        RegistryEvent delivered = received.stream().filter(e -> e.eventId().equals(event.eventId())).findFirst()
                .orElseThrow();
        assertThat(delivered.type()).isEqualTo(RegistryEventType.DEATH);
        assertThat(delivered.record().version()).isEqualTo(before + 1);
        assertThat(delivered.record().dateOfDeath()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(connector().lookup(budi)).hasValueSatisfying(r -> assertThat(r.isDeceased()).isTrue());
    }

    protected static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + EVENT_WAIT);
            }
            Thread.sleep(20);
        }
    }
}
