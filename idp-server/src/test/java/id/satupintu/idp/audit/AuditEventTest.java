package id.satupintu.idp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void failureWhenValuesCarryLineBreaksThenTheyCannotForgeLogLines() {
        AuditEvent event = AuditEvent.failure("token.rejected", "evil\nlogin.succeeded", null, "127.0.0.1",
                Map.of("error\r\n", "invalid_grant\n2026 forged"));

        assertThat(event.clientId()).isEqualTo("evil_login.succeeded");
        assertThat(event.detail()).containsEntry("error__", "invalid_grant_2026 forged");
    }

    @Test
    void failureWhenValueLongerThanLimitThenCut() {
        AuditEvent event = AuditEvent.failure("authorize.rejected", "c".repeat(500), null, null,
                Map.of("parameter", "p".repeat(500)));

        assertThat(event.clientId()).hasSize(AuditEvent.MAX_VALUE_LENGTH);
        assertThat(event.detail().get("parameter")).hasSize(AuditEvent.MAX_VALUE_LENGTH);
    }

    @Test
    void failureWhenNullValuesThenKeptAbsentNotFailing() {
        AuditEvent event = AuditEvent.failure("login.failed", null, null, null, null);

        assertThat(event.clientId()).isNull();
        assertThat(event.detail()).isEmpty();
    }
}
