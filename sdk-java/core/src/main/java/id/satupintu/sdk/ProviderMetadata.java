package id.satupintu.sdk;

import java.net.URI;
import java.util.List;

/**
 * The parts of the provider's discovery document the SDK uses (OpenID Connect Discovery 1.0 §3).
 * Optional endpoints are null when the provider does not advertise them.
 */
public record ProviderMetadata(
        URI issuer,
        URI authorizationEndpoint,
        URI tokenEndpoint,
        URI userinfoEndpoint,
        URI jwksUri,
        URI endSessionEndpoint,
        List<String> idTokenSigningAlgorithms,
        boolean backchannelLogoutSupported,
        boolean frontchannelLogoutSupported) {
}
