package id.satupintu.idp.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import id.satupintu.idp.registry.Citizenship;
import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.RegistryEventType;
import id.satupintu.idp.registry.Religion;
import id.satupintu.idp.registry.Sex;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.webhook.RegistryEventToken;

/** {@code registry/registry-api.yaml} says what the code does: the same members, values and paths. */
class RegistryApiDocumentTest {

    private static Map<String, Object> api;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RegistryApiDocumentTest.class.getResourceAsStream("/registry/registry-api.yaml")) {
            api = new Yaml().load(in);
        }
    }

    @Test
    void documentWhenLoadedThenOpenApi31WithBothOperationsAndTheWebhook() {
        assertThat(api.get("openapi")).isEqualTo("3.1.0");
        assertThat(map(api, "paths")).containsOnlyKeys("/v1/persons/{nik}", "/v1/verifications");
        assertThat(map(api, "webhooks")).containsKey("registryEvent");
    }

    @Test
    void personRecordWhenComparedWithWhatWeWriteThenSameMembers() {
        Map<String, Object> schema = schema("PersonRecord");
        Map<String, Object> written = RegistryWireFormat.toMap(RegistryWireFormat.recordNode(DemoRegistryRecords.SITI));

        assertThat(map(schema, "properties").keySet()).containsExactlyInAnyOrderElementsOf(written.keySet());
        assertThat(map(map(schema("Address"), "properties")).keySet())
                .containsExactlyInAnyOrderElementsOf(((Map<?, ?>) written.get("address")).keySet().stream()
                        .map(Object::toString).toList());
    }

    @Test
    void enumerationsWhenComparedWithTheJavaTypesThenSameValues() {
        Map<String, Object> properties = map(schema("PersonRecord"), "properties");

        assertThat(values(properties, "sex")).containsExactlyInAnyOrderElementsOf(names(Sex.values()));
        assertThat(values(properties, "religion")).containsExactlyInAnyOrderElementsOf(names(Religion.values()));
        assertThat(values(properties, "maritalStatus")).containsExactlyInAnyOrderElementsOf(names(MaritalStatus.values()));
        assertThat(values(properties, "citizenship")).containsExactlyInAnyOrderElementsOf(names(Citizenship.values()));
        assertThat(values(map(schema("VerificationOutcome"), "properties"), "outcome")).containsExactlyInAnyOrder(
                RegistryWireFormat.VERIFIED, RegistryWireFormat.NOT_MATCHED, RegistryWireFormat.DECEASED);
        assertThat(values(map(schema("RecordChangedEvent"), "properties"), "type"))
                .containsExactlyInAnyOrderElementsOf(names(RegistryEventType.values()));
    }

    @Test
    void securityEventTokenWhenDocumentedThenCarriesOurEventTypeUri() {
        assertThat(map(map(schema("SecurityEventToken"), "properties"), "events").get("required"))
                .isEqualTo(List.of(RegistryEventToken.EVENT_TYPE));
        assertThat(new String(readAll(), StandardCharsets.UTF_8)).contains("application/secevent+jwt")
                .contains("secevent+jwt").contains("RFC 8417").contains("RFC 8935");
    }

    private static byte[] readAll() {
        try (InputStream in = RegistryApiDocumentTest.class.getResourceAsStream("/registry/registry-api.yaml")) {
            return Objects.requireNonNull(in).readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> schema(String name) {
        return map(map(map(api, "components"), "schemas"), name);
    }

    private static List<String> values(Map<String, Object> properties, String name) {
        List<String> values = new ArrayList<>();
        for (Object value : (List<?>) map(properties, name).get("enum")) {
            if (value != null) {
                values.add(value.toString());
            }
        }
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    private static Map<String, Object> map(Map<String, Object> value) {
        return value;
    }
}
