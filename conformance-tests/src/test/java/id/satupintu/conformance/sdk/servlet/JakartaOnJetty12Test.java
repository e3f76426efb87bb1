package id.satupintu.conformance.sdk.servlet;

import id.satupintu.conformance.sdk.harness.JettyEe10;
import org.junit.jupiter.api.DisplayName;

/**
 * The Jakarta adapter in Jetty 12 (ee10): the same {@code jakarta-war} as on Tomcat 10.1, no web.xml entry,
 * its filter registered by {@code SatuPintuInitializer}.
 */
@DisplayName("SDK Jakarta adapter on Jetty 12 ee10 (no web.xml entry)")
class JakartaOnJetty12Test extends ServletSsoContract {

    JakartaOnJetty12Test() {
        super(JettyEe10::start, "jakarta-war");
    }
}
