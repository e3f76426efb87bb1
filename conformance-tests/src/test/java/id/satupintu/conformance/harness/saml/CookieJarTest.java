package id.satupintu.conformance.harness.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class CookieJarTest {

    private static final URI IDP = URI.create("http://localhost:8080/saml2/idp/sso");
    private static final URI IDP_OTHER_PORT = URI.create("http://localhost:9090/");
    private static final URI SP_PAGE = URI.create("http://127.0.0.1:7000/login");

    @Test
    void headerWhenSameSiteRequestThenCookieSent() {
        CookieJar jar = new CookieJar();
        jar.store(IDP, "SATUPINTU_SESSION=abc; Path=/; HttpOnly; SameSite=Lax");
        assertThat(jar.header(IDP, "POST", URI.create("http://localhost:8080/login"))).isEqualTo("SATUPINTU_SESSION=abc");
    }

    @Test
    void headerWhenCrossSitePostThenLaxCookieWithheld() {
        CookieJar jar = new CookieJar();
        jar.store(IDP, "SATUPINTU_SESSION=abc; Path=/; SameSite=Lax");
        assertThat(jar.header(IDP, "POST", SP_PAGE)).isNull();
    }

    @Test
    void headerWhenCrossSiteTopLevelGetThenLaxCookieSentButStrictWithheld() {
        CookieJar jar = new CookieJar();
        jar.store(IDP, "lax=1; Path=/; SameSite=Lax");
        jar.store(IDP, "strict=2; Path=/; SameSite=Strict");
        assertThat(jar.header(IDP, "GET", SP_PAGE)).isEqualTo("lax=1");
    }

    @Test
    void headerWhenNoSameSiteAttributeThenTreatedAsLax() {
        CookieJar jar = new CookieJar();
        jar.store(IDP, "plain=1; Path=/");
        assertThat(jar.header(IDP, "POST", SP_PAGE)).isNull();
        assertThat(jar.header(IDP, "GET", SP_PAGE)).isEqualTo("plain=1");
    }

    @Test
    void headerWhenSameSiteNoneThenSentCrossSitePost() {
        CookieJar jar = new CookieJar();
        jar.store(IDP, "none=1; Path=/; SameSite=None; Secure");
        assertThat(jar.header(IDP, "POST", SP_PAGE)).isEqualTo("none=1");
    }

    @Test
    void headerWhenOtherPortOfSameHostThenSentAndOtherHostThenNot() {
        CookieJar jar = new CookieJar();
        jar.store(IDP, "s=1; Path=/");
        assertThat(jar.header(IDP_OTHER_PORT, "GET", null)).as("ports do not separate cookies").isEqualTo("s=1");
        assertThat(jar.header(URI.create("http://127.0.0.1:8080/"), "GET", null)).isNull();
    }

    @Test
    void storeWhenMaxAgeZeroThenCookieRemoved() {
        CookieJar jar = new CookieJar();
        jar.store(IDP, "s=1; Path=/");
        jar.store(IDP, "s=; Path=/; Max-Age=0");
        assertThat(jar.header(IDP, "GET", null)).isNull();
        assertThat(jar.all()).isEmpty();
    }

    @Test
    void headerWhenPathOutsideCookiePathThenNotSent() {
        CookieJar jar = new CookieJar();
        jar.store(IDP, "p=1; Path=/saml2");
        assertThat(jar.header(URI.create("http://localhost:8080/saml2/idp/slo"), "GET", null)).isEqualTo("p=1");
        assertThat(jar.header(URI.create("http://localhost:8080/saml2x"), "GET", null)).isNull();
        assertThat(jar.header(URI.create("http://localhost:8080/login"), "GET", null)).isNull();
    }
}
