package id.satupintu.idp.oidc.claims;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.satupintu.idp.citizen.CitizenClaims;
import id.satupintu.idp.citizen.StandardClaims;

/**
 * Builds one {@code verified_claims} element (OIDC4IDA 1.0, "Verified Claims" representation) for a
 * {@link VerifiedClaimsRequest}:
 * <ul>
 * <li>only with consent to {@code profile}: verified claims are identity data;</li>
 * <li>only the claims requested, among {@link RegistryTrustFramework#VERIFIABLE_CLAIMS}, each also
 *     needing consent to the scope that covers it ({@code address}, {@code nik});</li>
 * <li>{@code verification}: {@code trust_framework} always (it is required), {@code time} and
 *     {@code evidence} when requested by name or when the request named no verification element;</li>
 * <li>a {@code trust_framework} or evidence {@code type} constraint this server cannot meet, a
 *     verification older than a requested {@code time.max_age}, or no releasable claim at all,
 *     leaves the element out (IDA: never an empty {@code claims}).</li>
 * </ul>
 */
final class VerifiedClaimsAssembler {

    private VerifiedClaimsAssembler() {
    }

    static Optional<Map<String, Object>> assemble(VerifiedClaimsRequest request, CitizenClaims citizen,
                                                  Set<String> allowedScopes, Instant now) {
        if (!allowedScopes.contains("profile") || !constraintsMet(request, citizen, now)) {
            return Optional.empty();
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        request.claims().forEach((name, individual) -> {
            Object value = citizen.standard().get(name);
            if (value != null && RegistryTrustFramework.VERIFIABLE_CLAIMS.contains(name)
                    && StandardClaims.scopeCovering(name).filter(allowedScopes::contains).isPresent()
                    && individual.accepts(value)) {
                claims.put(name, value);
            }
        });
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("trust_framework", RegistryTrustFramework.TRUST_FRAMEWORK);
        if (request.wantsVerificationElement("time")) {
            verification.put("time", DateTimeFormatter.ISO_INSTANT.format(citizen.verifiedAt().truncatedTo(ChronoUnit.SECONDS)));
        }
        if (request.wantsVerificationElement("evidence")) {
            verification.put("evidence", RegistryTrustFramework.evidence());
        }
        Map<String, Object> verified = new LinkedHashMap<>();
        verified.put("verification", verification);
        verified.put("claims", claims);
        return Optional.of(verified);
    }

    private static boolean constraintsMet(VerifiedClaimsRequest request, CitizenClaims citizen, Instant now) {
        boolean recentEnough = request.timeMaxAgeSeconds() == null
                || !citizen.verifiedAt().plusSeconds(request.timeMaxAgeSeconds()).isBefore(now);
        return recentEnough && request.trustFramework().accepts(RegistryTrustFramework.TRUST_FRAMEWORK)
                && request.evidenceTypes().stream().allMatch(type -> type.accepts(RegistryTrustFramework.EVIDENCE_TYPE));
    }
}
