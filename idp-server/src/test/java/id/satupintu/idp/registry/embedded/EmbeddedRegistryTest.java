package id.satupintu.idp.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryEventType;

class EmbeddedRegistryTest {

    private final EmbeddedRegistry registry = new EmbeddedRegistry(new FixedRecords(DemoRegistryRecords.all()),
            Clock.systemUTC());

    @Test
    void lookupWhenUnknownNikThenEmpty() {
        assertThat(registry.lookup(Nik.parse("3171016502900099"))).isEmpty();
        assertThat(registry.lookup(DemoRegistryRecords.SITI.nik())).contains(DemoRegistryRecords.SITI);
    }

    @Test
    void changeWhenRecordExistsThenNewVersionLookedUpAndPublished() {
        List<RegistryEvent> received = new ArrayList<>();
        registry.subscribe(received::add);

        RegistryEvent event = registry.changeName(DemoRegistryRecords.RINA.nik(), "RINA WULANDARI PUTRI");

        assertThat(event.type()).isEqualTo(RegistryEventType.NAME_CHANGE);
        assertThat(event.record().version()).isEqualTo(DemoRegistryRecords.RINA.version() + 1);
        assertThat(registry.lookup(DemoRegistryRecords.RINA.nik())).contains(event.record());
        assertThat(received).containsExactly(event);
    }

    @Test
    void changesWhenSeveralThenVersionsIncreaseAndDeathKeepsEarlierChanges() {
        Nik agus = DemoRegistryRecords.AGUS.nik();
        registry.changeFamily(agus, "5171030101250009", MaritalStatus.DIVORCED);
        RegistryEvent death = registry.recordDeath(agus, LocalDate.of(2026, 11, 1));

        assertThat(death.record().version()).isEqualTo(DemoRegistryRecords.AGUS.version() + 2);
        assertThat(death.record().familyCardNumber()).isEqualTo("5171030101250009");
        assertThat(death.record().isDeceased()).isTrue();
    }

    @Test
    void changeWhenUnknownNikThenRefusedAndNothingPublished() {
        List<RegistryEvent> received = new ArrayList<>();
        registry.subscribe(received::add);

        assertThatThrownBy(() -> registry.recordDeath(Nik.parse("3171016502900099"), LocalDate.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("3171016502900099");
        assertThat(received).isEmpty();
    }

    @Test
    void publishWhenListenerFailsThenOtherListenersStillReceive() {
        List<RegistryEvent> received = new ArrayList<>();
        registry.subscribe(event -> {
            throw new IllegalStateException("listener down");
        });
        registry.subscribe(received::add);

        registry.changeName(DemoRegistryRecords.RINA.nik(), "RINA W");

        assertThat(received).hasSize(1);
    }
}
