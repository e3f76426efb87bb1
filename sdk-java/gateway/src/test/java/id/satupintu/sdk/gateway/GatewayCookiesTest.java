package id.satupintu.sdk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayCookiesTest {

    @Test
    void forUpstreamWhenGatewayCookiesAmongOthersThenOnlyOthersKept() {
        String kept = GatewayCookies.forUpstream(List.of("SATUPINTU_GATEWAY=node0abc; tema=gelap",
                "satupintu_app=handle;JSESSIONID=upstream-session"));

        assertThat(kept).isEqualTo("tema=gelap; JSESSIONID=upstream-session");
    }

    @Test
    void forUpstreamWhenOnlyGatewayCookiesThenNull() {
        assertThat(GatewayCookies.forUpstream(List.of("SATUPINTU_GATEWAY=x; SATUPINTU_APP=y"))).isNull();
        assertThat(GatewayCookies.forUpstream(List.of())).isNull();
    }

    @Test
    void forUpstreamWhenCookieWithoutValueOrEmptyPartsThenKeptAsSentWithoutEmptyParts() {
        assertThat(GatewayCookies.forUpstream(List.of("flag; ; a=1;"))).isEqualTo("flag; a=1");
    }

    @Test
    void setsGatewayCookieWhenUpstreamSetsSessionCookieNameThenTrue() {
        assertThat(GatewayCookies.setsGatewayCookie("SATUPINTU_GATEWAY=evil; Path=/")).isTrue();
        assertThat(GatewayCookies.setsGatewayCookie("satupintu_app=evil")).isTrue();
        assertThat(GatewayCookies.setsGatewayCookie("JSESSIONID=fine; Path=/")).isFalse();
    }
}
