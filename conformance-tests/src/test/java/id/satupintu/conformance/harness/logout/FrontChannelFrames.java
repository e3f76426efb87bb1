package id.satupintu.conformance.harness.logout;

import java.net.URI;
import java.util.List;
import java.util.Map;

import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Page;

/**
 * What a relying party expects of the provider's page after logout (OIDC Front-Channel Logout 1.0 §3):
 * one iframe loading its registered {@code frontchannel_logout_uri}, that URI's own query kept, with
 * {@code iss} (the issuer) and {@code sid} (its ID token's) added; and a Content-Security-Policy that
 * lets the page frame that origin.
 */
public final class FrontChannelFrames {

    private FrontChannelFrames() {
    }

    /**
     * @return the query parameters of the page's one iframe loading {@code registeredUri}; throws
     *         AssertionError when there is none, several, or the frame is not that URI plus parameters
     */
    public static Map<String, String> frameOf(Page page, String registeredUri) {
        AuthorizationResponse registered = AuthorizationResponse.from(URI.create(registeredUri));
        List<AuthorizationResponse> frames = RpInitiatedLogout.frames(page).stream()
                .map(AuthorizationResponse::from)
                .filter(frame -> frame.target().equals(registered.target()))
                .toList();
        if (frames.size() != 1) {
            throw new AssertionError("expected one iframe of " + registered.target() + " but found "
                    + RpInitiatedLogout.frames(page) + " on " + page);
        }
        AuthorizationResponse frame = frames.get(0);
        if (!frame.parameters().entrySet().containsAll(registered.parameters().entrySet())) {
            throw new AssertionError("the registered URI's query was not kept: " + frame.parameters().keySet());
        }
        return frame.parameters();
    }

    /** @return whether the page's policy lets it frame {@code uri}'s origin */
    public static boolean policyAllowsFraming(Page page, String uri) {
        URI parsed = URI.create(uri);
        String origin = parsed.getScheme() + "://" + parsed.getRawAuthority();
        return page.response().headers().allValues("Content-Security-Policy").stream()
                .flatMap(policy -> List.of(policy.split(";")).stream())
                .map(String::trim)
                .filter(directive -> directive.startsWith("frame-src "))
                .anyMatch(directive -> List.of(directive.substring("frame-src ".length()).split(" ")).contains(origin));
    }
}
