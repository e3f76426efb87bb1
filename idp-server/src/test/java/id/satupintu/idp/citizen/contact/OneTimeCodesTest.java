package id.satupintu.idp.citizen.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.satupintu.idp.citizen.contact.store.memory.MemoryOneTimeCodeStore;

class OneTimeCodesTest {

    private static final String EMAIL = "rina@example.id";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T03:00:00Z"));
    private final CapturingOneTimeCodeSender sender = new CapturingOneTimeCodeSender();
    private final MemoryOneTimeCodeStore store = new MemoryOneTimeCodeStore(clock);
    private final OneTimeCodes codes = new OneTimeCodes(store, sender,
            new OneTimeCodeProperties(null, null, null, null), clock);
    private final UUID citizen = UUID.randomUUID();

    private String send() {
        assertThat(codes.send(citizen, ContactChannel.EMAIL, EMAIL, Locale.ENGLISH)).isInstanceOf(OneTimeCodes.Sending.Sent.class);
        return sender.lastCode(EMAIL);
    }

    private static String wrong(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Test
    void sendWhenCalledThenSixDigitCodeSentAndOnlyItsHashStored() {
        String code = send();

        assertThat(code).matches("[0-9]{6}");
        StoredOneTimeCode stored = store.find(OneTimeCodes.key(citizen, ContactChannel.EMAIL), clock.instant()).orElseThrow();
        assertThat(stored.codeHash()).doesNotContain(code).hasSize(43);
        assertThat(stored.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void checkWhenRightCodeThenVerifiedOnceAndSpent() {
        String code = send();

        assertThat(codes.check(citizen, ContactChannel.EMAIL, code)).isEqualTo(new OneTimeCodes.Checking.Verified(EMAIL));
        assertThat(codes.check(citizen, ContactChannel.EMAIL, code)).isInstanceOf(OneTimeCodes.Checking.NoCode.class);
    }

    @Test
    void checkWhenWrongCodeThenAttemptsLeftCountDown() {
        String code = send();

        assertThat(codes.check(citizen, ContactChannel.EMAIL, wrong(code))).isEqualTo(new OneTimeCodes.Checking.Wrong(4));
        assertThat(codes.check(citizen, ContactChannel.EMAIL, wrong(code))).isEqualTo(new OneTimeCodes.Checking.Wrong(3));
        assertThat(codes.check(citizen, ContactChannel.EMAIL, code)).isInstanceOf(OneTimeCodes.Checking.Verified.class);
    }

    @Test
    void checkWhenFiveWrongCodesThenRightCodeNoLongerAccepted() {
        String code = send();
        for (int i = 0; i < 4; i++) {
            codes.check(citizen, ContactChannel.EMAIL, wrong(code));
        }

        assertThat(codes.check(citizen, ContactChannel.EMAIL, wrong(code))).isInstanceOf(OneTimeCodes.Checking.TooManyAttempts.class);
        assertThat(codes.check(citizen, ContactChannel.EMAIL, code)).isInstanceOf(OneTimeCodes.Checking.TooManyAttempts.class);
    }

    @Test
    void checkWhenTenMinutesPassedThenExpired() {
        String code = send();
        clock.advance(Duration.ofMinutes(10));

        assertThat(codes.check(citizen, ContactChannel.EMAIL, code)).isInstanceOf(OneTimeCodes.Checking.Expired.class);
    }

    @Test
    void checkWhenNothingSentThenNoCode() {
        assertThat(codes.check(citizen, ContactChannel.PHONE, "123456")).isInstanceOf(OneTimeCodes.Checking.NoCode.class);
    }

    @Test
    void resendWhenWithinIntervalThenTooSoonAndNothingSent() {
        send();

        OneTimeCodes.Sending again = codes.resend(citizen, ContactChannel.EMAIL, Locale.ENGLISH);

        assertThat(again).isEqualTo(new OneTimeCodes.Sending.TooSoon(clock.instant().plusSeconds(60)));
        assertThat(sender.sends(EMAIL)).isEqualTo(1);
    }

    @Test
    void resendWhenIntervalPassedThenNewCodeAndOldOneRefused() {
        String first = send();
        clock.advance(Duration.ofSeconds(60));

        assertThat(codes.resend(citizen, ContactChannel.EMAIL, Locale.ENGLISH)).isInstanceOf(OneTimeCodes.Sending.Sent.class);
        String second = sender.lastCode(EMAIL);

        if (!first.equals(second)) {
            assertThat(codes.check(citizen, ContactChannel.EMAIL, first)).isInstanceOf(OneTimeCodes.Checking.Wrong.class);
        }
        assertThat(codes.check(citizen, ContactChannel.EMAIL, second)).isInstanceOf(OneTimeCodes.Checking.Verified.class);
    }

    @Test
    void resendWhenFiveSentThenWaitUntilLastExpires() {
        send();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(60));
            assertThat(codes.resend(citizen, ContactChannel.EMAIL, Locale.ENGLISH)).isInstanceOf(OneTimeCodes.Sending.Sent.class);
        }
        clock.advance(Duration.ofSeconds(60));

        OneTimeCodes.Sending sixth = codes.resend(citizen, ContactChannel.EMAIL, Locale.ENGLISH);

        assertThat(sixth).isEqualTo(new OneTimeCodes.Sending.TooSoon(clock.instant().plus(Duration.ofMinutes(9))));
    }

    @Test
    void resendWhenNothingOutstandingThenNothingToResend() {
        assertThat(codes.resend(citizen, ContactChannel.EMAIL, Locale.ENGLISH)).isInstanceOf(OneTimeCodes.Sending.NothingToResend.class);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
