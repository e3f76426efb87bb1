package id.satupintu.conformance.sdk.servlet;

import id.satupintu.conformance.sdk.harness.IsolatedTomcat;
import org.junit.jupiter.api.DisplayName;

/**
 * The Jakarta adapter in Tomcat 10.1: the {@code jakarta-war} sample adopted sign-on with a properties file
 * only; its filter is registered by {@code SatuPintuInitializer}.
 */
@DisplayName("SDK Jakarta adapter on Tomcat 10.1 (no web.xml entry)")
class JakartaOnTomcat10Test extends ServletSsoContract {

    JakartaOnTomcat10Test() {
        super(() -> IsolatedTomcat.start(IsolatedTomcat.Version.TOMCAT_10), "jakarta-war");
    }
}
