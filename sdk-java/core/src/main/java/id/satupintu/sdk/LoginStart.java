package id.satupintu.sdk;

import java.net.URI;

/**
 * A started sign-in: send the browser to {@code authorizationUrl} and keep {@code pending} in
 * its session.
 */
public record LoginStart(URI authorizationUrl, PendingLogin pending) {
}
