package id.satupintu.idp.citizen.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ResponseTimeFloorTest {

    private final ResponseTimeFloor floor = new ResponseTimeFloor(
            new EnrollmentProperties(null, Duration.ofMillis(200), null));

    @Test
    void atLeastWhenWorkIsFastThenWaitsForTheFloor() {
        long start = System.nanoTime();

        assertThat(floor.atLeast(() -> "done")).isEqualTo("done");

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(200);
    }

    @Test
    void atLeastWhenWorkFailsThenStillWaitsAndRethrows() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> floor.atLeast(() -> {
            throw new IllegalStateException("registry down");
        })).hasMessage("registry down");

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(200);
    }

    @Test
    void atLeastWhenWorkSlowerThanFloorThenNotPaddedFurther() {
        long start = System.nanoTime();

        floor.atLeast(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });

        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(300L, 450L);
    }

    @Test
    void propertiesWhenNothingConfiguredThenDocumentedDefaults() {
        EnrollmentProperties defaults = new EnrollmentProperties(null, null, null);

        assertThat(defaults.verificationFloor()).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.pendingTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.throttle().nikLimit()).isEqualTo(10);
        assertThat(defaults.throttle().ipLimit()).isEqualTo(100);
        assertThat(defaults.throttle().window()).isEqualTo(Duration.ofHours(1));
    }
}
