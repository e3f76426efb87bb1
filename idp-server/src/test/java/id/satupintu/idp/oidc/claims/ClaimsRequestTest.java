package id.satupintu.idp.oidc.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClaimsRequestTest {

    @Test
    void parseWhenUserinfoAndIdTokenMembersThenBothKept() {
        ClaimsRequest request = ClaimsRequest.parse(
                "{\"userinfo\":{\"email\":{\"essential\":true},\"name\":null},\"id_token\":{\"acr\":{\"values\":[\"a\",\"b\"]}}}");

        assertThat(request.userinfo().individual()).containsOnlyKeys("email", "name");
        assertThat(request.userinfo().individual().get("email").essential()).isTrue();
        assertThat(request.userinfo().individual().get("name")).isEqualTo(IndividualClaimRequest.ANY);
        assertThat(request.idToken().individual().get("acr").values()).containsExactly("a", "b");
    }

    @Test
    void parseWhenUnknownTopLevelMemberThenIgnored() {
        ClaimsRequest request = ClaimsRequest.parse("{\"something_else\":{\"x\":1}}");

        assertThat(request.userinfo().isEmpty()).isTrue();
        assertThat(request.idToken().isEmpty()).isTrue();
    }

    @Test
    void parseWhenVerifiedClaimsThenClaimsAndConstraintsKept() {
        ClaimsRequest request = ClaimsRequest.parse(TestClaimsRequests.VERIFIED_IN_ID_TOKEN);

        VerifiedClaimsRequest verified = request.idToken().verifiedClaims().get(0);
        assertThat(verified.claims()).containsOnlyKeys("given_name", "birthdate");
        assertThat(verified.trustFramework().accepts("id_dukcapil")).isTrue();
        assertThat(verified.trustFramework().accepts("de_aml")).isFalse();
        assertThat(request.idToken().individual()).isEmpty();
    }

    @Test
    void parseWhenVerifiedClaimsArrayThenEachKept() {
        ClaimsRequest request = ClaimsRequest.parse("{\"userinfo\":{\"verified_claims\":["
                + "{\"claims\":{\"given_name\":null}},{\"claims\":{\"birthdate\":null}}]}}");

        assertThat(request.userinfo().verifiedClaims()).hasSize(2);
    }

    @Test
    void parseWhenMalformedThenRejectedWithoutEchoingTheValue() {
        for (String malformed : List.of("{not json", "[]", "\"text\"", "", "{\"userinfo\":[]}",
                "{\"userinfo\":\"name\"}", "{\"id_token\":{\"name\":\"yes\"}}",
                "{\"userinfo\":{\"email\":{\"essential\":\"true\"}}}", "{\"userinfo\":{\"email\":{\"values\":\"x\"}}}",
                "{\"userinfo\":{\"verified_claims\":{\"verification\":{}}}}",
                "{\"userinfo\":{\"verified_claims\":{\"claims\":{}}}}",
                "{\"userinfo\":{\"verified_claims\":{\"claims\":{\"given_name\":null},\"verification\":[]}}}",
                "{\"userinfo\":{\"verified_claims\":{\"claims\":{\"given_name\":null},\"verification\":{\"evidence\":{}}}}}",
                "{\"userinfo\":{\"verified_claims\":{\"claims\":{\"birthdate\":null},"
                        + "\"verification\":{\"time\":{\"max_age\":\"old\"}}}}}",
                "{\"userinfo\":{\"verified_claims\":7}}")) {
            Throwable thrown = catchThrowable(() -> ClaimsRequest.parse(malformed));
            assertThat(thrown).as(malformed).isInstanceOf(MalformedClaimsRequestException.class);
            assertThat(thrown.getMessage()).doesNotContain("not json").doesNotContain("yes");
        }
    }

    @Test
    void parseWhenLongerThanLimitThenRejected() {
        String huge = "{\"userinfo\":{\"name\":null,\"x\":\"" + "a".repeat(ClaimsRequest.MAX_LENGTH) + "\"}}";

        assertThatThrownBy(() -> ClaimsRequest.parse(huge)).isInstanceOf(MalformedClaimsRequestException.class);
    }

    @Test
    void ofWhenAuthorizationWithoutClaimsParameterThenNone() {
        assertThat(ClaimsRequest.of(null)).isEqualTo(ClaimsRequest.NONE);
    }

    @Test
    void acceptsWhenValueOrValuesThenOnlyMatching() {
        IndividualClaimRequest value = new IndividualClaimRequest(true, "x", List.of());
        IndividualClaimRequest values = new IndividualClaimRequest(false, null, List.of("a", "b"));

        assertThat(value.accepts("x")).isTrue();
        assertThat(value.accepts("y")).isFalse();
        assertThat(values.accepts("b")).isTrue();
        assertThat(values.accepts("c")).isFalse();
        assertThat(IndividualClaimRequest.ANY.accepts("anything")).isTrue();
    }
}
