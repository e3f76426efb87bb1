package id.satupintu.sdk.internal.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.ProviderMetadata;
import id.satupintu.sdk.internal.jwks.JwksCache;
import id.satupintu.sdk.internal.jwt.ClaimChecks;
import id.satupintu.sdk.internal.jwt.SignedTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ID token validation, OpenID Connect Core 1.0 §3.1.3.7 (and §12.2 after a refresh): signed by the
 * provider with an asymmetric algorithm it advertises, issued by it, for this client, unexpired, not
 * from the future, with this sign-in's {@code nonce} and the required {@code acr}.
 */
public final class IdTokenValidator {

    private static final String WHAT = "ID token";

    private final String issuer;
    private final String clientId;
    private final Duration skew;
    private final Clock clock;
    private final JwksCache keys;

    public IdTokenValidator(String issuer, String clientId, Duration skew, Clock clock, JwksCache keys) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.skew = skew;
        this.clock = clock;
        this.keys = keys;
    }

    /** What the sign-in expects of the token. {@code nonce} null after a refresh, {@code subject} null at sign-in. */
    public record Expectations(String nonce, String requiredAcr, String subject) {
    }

    public SignedTokens.Verified validate(String idToken, ProviderMetadata provider, Expectations expected) {
        // §3.1.3.7 step 7: the alg the provider advertises (Discovery id_token_signing_alg_values_supported)
        Set<JWSAlgorithm> algorithms = provider.idTokenSigningAlgorithms().stream().map(JWSAlgorithm::parse)
                .filter(SignedTokens.ASYMMETRIC::contains).collect(Collectors.toUnmodifiableSet());
        SignedTokens.Verified verified = SignedTokens.verify(idToken, algorithms, keys, WHAT, Failure.ID_TOKEN_INVALID);
        JWTClaimsSet claims = verified.claims();
        ClaimChecks checks = new ClaimChecks(WHAT, Failure.ID_TOKEN_INVALID, skew, clock.instant());
        checks.issuer(claims, issuer);
        checks.audienceContains(claims, clientId);
        String azp = checks.optionalString(claims, "azp");
        if (azp != null ? !azp.equals(clientId) : claims.getAudience().size() > 1) {
            throw checks.refused("azp must be " + clientId + (azp == null ? " when there are several audiences" : ""));
        }
        checks.notExpired(claims);
        checks.issuedInThePast(claims);
        String subject = checks.requiredString(claims, "sub");
        if (expected.subject() != null && !expected.subject().equals(subject)) {
            throw checks.refused("names another subject than the sign-in it refreshes (§12.2)");
        }
        String nonce = checks.optionalString(claims, "nonce");
        if (expected.nonce() != null && !ClaimChecks.sameSecret(expected.nonce(), nonce)) {
            throw checks.refused(nonce == null ? "has no nonce" : "nonce differs from this sign-in's");
        }
        if (expected.requiredAcr() != null && !expected.requiredAcr().equals(checks.optionalString(claims, "acr"))) {
            throw checks.refused("acr is not the required " + expected.requiredAcr());
        }
        return verified;
    }
}
