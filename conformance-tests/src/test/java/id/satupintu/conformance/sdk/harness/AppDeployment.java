package id.satupintu.conformance.sdk.harness;

import java.net.URI;

/** An application deployed in a {@link ServletContainer}. */
public interface AppDeployment {

    /** @return the application's base URI, e.g. {@code http://127.0.0.1:41234/app} */
    URI base();

    /** @return {@code base() + path} */
    default URI uri(String path) {
        return URI.create(base() + path);
    }

    /** @return whether the application started (its filters and listeners initialised) */
    boolean available();
}
