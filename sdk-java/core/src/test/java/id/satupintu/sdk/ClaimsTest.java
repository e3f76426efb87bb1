package id.satupintu.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsTest {

    private final Claims claims = Claims.parse(
            "{\"sub\":\"c-1\",\"roles\":[\"a\",\"b\",3],\"one\":\"x\",\"exp\":1700000000,\"n\":{\"k\":[1]}}");

    @Test
    void readersWhenClaimsPresentThenTypedValues() {
        assertThat(claims.string("sub")).contains("c-1");
        assertThat(claims.strings("roles")).containsExactly("a", "b");
        assertThat(claims.strings("one")).containsExactly("x");
        assertThat(claims.instant("exp")).contains(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void readersWhenClaimAbsentOrOtherTypeThenEmpty() {
        assertThat(claims.string("roles")).isEmpty();
        assertThat(claims.string("absent")).isEmpty();
        assertThat(claims.strings("exp")).isEmpty();
        assertThat(claims.instant("sub")).isEmpty();
    }

    @Test
    void parseWhenNotAJsonObjectThenIllegalArgumentWithoutTheText() {
        assertThatThrownBy(() -> Claims.parse("[\"3201234567890001\"]"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("3201234567890001");
    }

    @Test
    void asMapWhenCallerTriesToChangeNestedValueThenRefused() {
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) claims.asMap().get("n");

        assertThatThrownBy(() -> ((List<Object>) nested.get("k")).add(2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> claims.asMap().put("sub", "other")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ofWhenMapGivenThenSameClaimsAsParsed() {
        Claims built = Claims.of(Map.of("sub", "c-1"));

        assertThat(built.string("sub")).contains("c-1");
        assertThat(built).isEqualTo(Claims.parse(built.json()));
    }

    @Test
    void serializationWhenRoundTripThenEqualAndReadable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(claims);
        }
        Claims back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Claims) in.readObject();
        }

        assertThat(back).isEqualTo(claims);
        assertThat(back.strings("roles")).containsExactly("a", "b");
    }

    @Test
    void toStringWhenPrintedThenNoClaimValues() {
        assertThat(claims.toString()).doesNotContain("c-1");
    }
}
