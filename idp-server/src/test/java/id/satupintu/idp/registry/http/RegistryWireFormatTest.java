package id.satupintu.idp.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.satupintu.idp.registry.EnrollmentAttributes;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.VerificationOutcome;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;

/** The registry API's JSON, both ways, and the strictness of reading it. */
class RegistryWireFormatTest {

    private static final RegistryRecord SITI = DemoRegistryRecords.SITI;

    @Test
    void parseRecordWhenWrittenByUsThenTheSameRecord() {
        for (RegistryRecord record : DemoRegistryRecords.all()) {
            assertThat(RegistryWireFormat.parseRecord(RegistryWireFormat.writeRecord(record))).isEqualTo(record);
        }
    }

    @Test
    void parseOutcomeWhenWrittenByUsThenTheSameOutcome() {
        for (VerificationOutcome outcome : new VerificationOutcome[] {new VerificationOutcome.Verified(SITI),
                new VerificationOutcome.NotMatched(), new VerificationOutcome.Deceased()}) {
            assertThat(RegistryWireFormat.parseOutcome(RegistryWireFormat.writeOutcome(outcome))).isEqualTo(outcome);
        }
    }

    @Test
    void parseVerificationRequestWhenWrittenByUsThenTheSameAttributes() {
        EnrollmentAttributes attributes = new EnrollmentAttributes(SITI.nik(), SITI.fullName(), SITI.birthDate(),
                SITI.familyCardNumber());

        assertThat(RegistryWireFormat.parseVerificationRequest(RegistryWireFormat.writeVerificationRequest(attributes)))
                .isEqualTo(attributes);
    }

    @Test
    void parseRecordWhenUnknownMemberThenIgnored() {
        String json = json(SITI).replaceFirst("\\{", "{\"bloodType\":\"O\",");

        assertThat(RegistryWireFormat.parseRecord(bytes(json))).isEqualTo(SITI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "\"text\"", "{\"nik\": \"31710165029", "<html>oops</html>"})
    void parseRecordWhenNotAJsonObjectThenMalformed(String body) {
        assertThatThrownBy(() -> RegistryWireFormat.parseRecord(bytes(body)))
                .isInstanceOf(MalformedRegistryMessageException.class);
    }

    @Test
    void parseRecordWhenTrailingContentThenMalformed() {
        assertThatThrownBy(() -> RegistryWireFormat.parseRecord(bytes(json(SITI) + " {}")))
                .isInstanceOf(MalformedRegistryMessageException.class);
    }

    @Test
    void parseRecordWhenMemberTwiceThenMalformed() {
        assertThatThrownBy(() -> RegistryWireFormat.parseRecord(bytes(json(SITI).replaceFirst("\\{",
                "{\"fullName\":\"SOMEONE ELSE\",")))).isInstanceOf(MalformedRegistryMessageException.class);
    }

    @Test
    void parseRecordWhenNikInvalidThenMalformedWithoutEchoingIt() {
        String json = json(SITI).replace(SITI.nik().value(), "3171016502900000");

        assertThatThrownBy(() -> RegistryWireFormat.parseRecord(bytes(json)))
                .isInstanceOf(MalformedRegistryMessageException.class).hasMessageContaining("'nik'")
                .hasMessageNotContaining("3171016502900000");
    }

    @Test
    void parseRecordWhenRequiredMemberMissingThenMalformed() {
        String json = json(SITI).replace("\"fullName\":\"SITI RAHAYU\",", "");

        assertThatThrownBy(() -> RegistryWireFormat.parseRecord(bytes(json)))
                .isInstanceOf(MalformedRegistryMessageException.class).hasMessageContaining("'fullName'");
    }

    @Test
    void parseRecordWhenEnumValueUnknownThenMalformed() {
        String json = json(SITI).replace("\"sex\":\"FEMALE\"", "\"sex\":\"F\"");

        assertThatThrownBy(() -> RegistryWireFormat.parseRecord(bytes(json)))
                .isInstanceOf(MalformedRegistryMessageException.class).hasMessageContaining("'sex'");
    }

    @Test
    void parseRecordWhenVersionNotAPositiveIntegerThenMalformed() {
        String json = json(SITI).replace("\"version\":1", "\"version\":\"1\"");

        assertThatThrownBy(() -> RegistryWireFormat.parseRecord(bytes(json)))
                .isInstanceOf(MalformedRegistryMessageException.class).hasMessageContaining("'version'");
    }

    @Test
    void parseRecordWhenDateNotIsoThenMalformed() {
        String json = json(SITI).replace("\"birthDate\":\"1990-02-25\"", "\"birthDate\":\"25-02-1990\"");

        assertThatThrownBy(() -> RegistryWireFormat.parseRecord(bytes(json)))
                .isInstanceOf(MalformedRegistryMessageException.class).hasMessageContaining("'birthDate'");
    }

    @Test
    void parseOutcomeWhenVerifiedWithoutRecordThenMalformed() {
        assertThatThrownBy(() -> RegistryWireFormat.parseOutcome(bytes("{\"outcome\":\"VERIFIED\"}")))
                .isInstanceOf(MalformedRegistryMessageException.class);
    }

    @Test
    void parseOutcomeWhenUnknownOutcomeThenMalformed() {
        assertThatThrownBy(() -> RegistryWireFormat.parseOutcome(bytes("{\"outcome\":\"MAYBE\"}")))
                .isInstanceOf(MalformedRegistryMessageException.class);
    }

    private static String json(RegistryRecord record) {
        return new String(RegistryWireFormat.writeRecord(record), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
