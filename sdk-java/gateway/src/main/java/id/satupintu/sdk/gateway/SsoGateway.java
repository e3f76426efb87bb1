package id.satupintu.sdk.gateway;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code java -jar satupintu-sso-gateway.jar [--config gateway.properties]}: single sign-on in front of
 * any HTTP application. Exit codes: 2 for a configuration error (the message names the key), 1 when the
 * gateway cannot start for another reason (port in use, ...). Errors are one line each, no stack trace:
 * the person reading them is configuring the gateway, not debugging it.
 */
public final class SsoGateway {

    static final int CONFIGURATION_ERROR = 2;
    static final int START_FAILED = 1;

    private SsoGateway() {
    }

    /** @param gateway the running gateway, or null when it did not start and the process must exit with {@code exitCode} */
    record Launch(GatewayServer gateway, int exitCode) {
    }

    public static void main(String[] args) throws InterruptedException {
        Launch launch = launch(args, System.getenv(), System.out, System.err);
        if (launch.gateway() == null) {
            System.exit(launch.exitCode());
        }
        launch.gateway().join();
    }

    static Launch launch(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        GatewaySettings settings;
        try {
            settings = GatewaySettings.load(args, environment);
        } catch (GatewayConfigurationException | SatuPintuException e) {
            // SatuPintuConfig throws only CONFIGURATION failures, each naming its key
            return fail(err, CONFIGURATION_ERROR, "configuration error: " + e.getMessage());
        }
        try {
            GatewayServer gateway = GatewayServer.start(settings);
            out.println("SatuPintu SSO gateway listening on http://" + settings.listenHost() + ":" + gateway.port()
                    + "/ for " + settings.upstream() + " (issuer " + settings.sso().issuer() + ")");
            out.flush();
            return new Launch(gateway, 0);
        } catch (Exception e) {
            SatuPintuException sdk = sdkCause(e);
            if (sdk != null && sdk.failure() == Failure.CONFIGURATION) {
                return fail(err, CONFIGURATION_ERROR, "configuration error: " + sdk.getMessage());
            }
            return fail(err, START_FAILED, "cannot start on " + settings.listenHost() + ":" + settings.listenPort()
                    + ": " + (sdk != null ? sdk.getMessage() : rootMessage(e)));
        }
    }

    private static Launch fail(PrintStream err, int code, String message) {
        err.println("satupintu-sso-gateway: " + message);
        err.flush();
        return new Launch(null, code);
    }

    private static SatuPintuException sdkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SatuPintuException sdk) {
                return sdk;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
