package id.satupintu.idp.registry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import id.satupintu.idp.registry.simulator.Faults.Kind;

/** The simulator's fault switchboard decides per request. */
class FaultsTest {

    @Test
    void drawWhenNothingInjectedThenNone() {
        assertThat(new Faults().draw()).isEqualTo(Kind.NONE);
    }

    @Test
    void drawWhenInjectedForNextTwoThenTwoFaultsThenNormal() {
        Faults faults = new Faults().next(2, Kind.SERVER_ERROR);

        assertThat(IntStream.range(0, 4).mapToObj(i -> faults.draw()))
                .containsExactly(Kind.SERVER_ERROR, Kind.SERVER_ERROR, Kind.NONE, Kind.NONE);
    }

    @Test
    void drawWhenInjectedAlwaysThenEveryRequestUntilCleared() {
        Faults faults = new Faults().always(Kind.CLOSE_CONNECTION);

        assertThat(IntStream.range(0, 50).mapToObj(i -> faults.draw())).containsOnly(Kind.CLOSE_CONNECTION);
        faults.clear();
        assertThat(faults.draw()).isEqualTo(Kind.NONE);
    }

    @Test
    void drawWhenShareIsZeroOrOneThenNeverOrAlways() {
        assertThat(IntStream.range(0, 200).mapToObj(i -> new Faults().share(0, Kind.MALFORMED_BODY).draw()))
                .containsOnly(Kind.NONE);
        Faults always = new Faults().share(1, Kind.MALFORMED_BODY);
        assertThat(IntStream.range(0, 200).mapToObj(i -> always.draw())).containsOnly(Kind.MALFORMED_BODY);
    }

    @Test
    void drawWhenShareIsHalfThenBothOutcomesOccur() {
        Faults faults = new Faults().share(0.5, Kind.SERVER_ERROR);

        // 1,000 draws at 50 %: the chance that either outcome never occurs is 2 in 2^1000
        assertThat(IntStream.range(0, 1000).mapToObj(i -> faults.draw())).contains(Kind.NONE, Kind.SERVER_ERROR);
    }
}
