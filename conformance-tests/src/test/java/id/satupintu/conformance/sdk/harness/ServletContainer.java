package id.satupintu.conformance.sdk.harness;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real servlet container running on 127.0.0.1 and a free port, into which a test deploys sample WARs:
 * {@link IsolatedTomcat} (Tomcat 9, 10.1) or {@link JettyEe10} (Jetty 12).
 */
public interface ServletContainer extends AutoCloseable {

    /** @return {@code http://127.0.0.1:<port>} */
    URI origin();

    int port();

    /**
     * Deploys a WAR and starts it. An application whose start fails (for example a filter refusing its
     * configuration) is reported by {@link AppDeployment#available()}, not thrown.
     *
     * @param contextPath       e.g. {@code /app}
     * @param contextParameters context init-parameters, as the container's own deployment descriptor would give
     */
    AppDeployment deploy(String contextPath, Path war, Map<String, String> contextParameters);

    @Override
    void close();
}
