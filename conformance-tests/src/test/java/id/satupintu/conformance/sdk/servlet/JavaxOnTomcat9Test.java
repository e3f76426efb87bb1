package id.satupintu.conformance.sdk.servlet;

import id.satupintu.conformance.sdk.harness.IsolatedTomcat;
import org.junit.jupiter.api.DisplayName;

/**
 * The javax adapter in Tomcat 9: the {@code javax-war} sample declares the filter in {@code web.xml} (so its
 * initializer, also present, must stand back) and carries {@code WEB-INF/satupintu.properties}.
 */
@DisplayName("SDK javax adapter on Tomcat 9 (web.xml filter entry)")
class JavaxOnTomcat9Test extends ServletSsoContract {

    JavaxOnTomcat9Test() {
        super(() -> IsolatedTomcat.start(IsolatedTomcat.Version.TOMCAT_9), "javax-war");
    }
}
