package id.satupintu.idp.saml.sso;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import id.satupintu.idp.session.LevelOfAssurance;

/**
 * A {@code RequestedAuthnContext} (SAML Core §3.3.2.2.1) over the one level-of-assurance table
 * ({@link LevelOfAssurance}, whose URIs are the {@code AuthnContextClassRef}s and the OIDC
 * {@code acr} values). Class references this IdP does not know can never be met and are ignored;
 * the comparison decides against the known ones:
 * <ul>
 * <li>{@code exact}: the level is one of them;</li>
 * <li>{@code minimum}: the level is at least one of them;</li>
 * <li>{@code better}: the level is stronger than one of them;</li>
 * <li>{@code maximum}: the level is known and not stronger than one of them.</li>
 * </ul>
 * No requested context accepts every level.
 */
final class AuthnContextRequirement {

    private final String comparison;
    private final List<LevelOfAssurance> requested;
    private final boolean any;

    private AuthnContextRequirement(String comparison, List<LevelOfAssurance> requested, boolean any) {
        this.comparison = comparison;
        this.requested = requested;
        this.any = any;
    }

    static AuthnContextRequirement of(ValidatedAuthnRequest request) {
        if (request.authnContextClassRefs().isEmpty()) {
            return new AuthnContextRequirement("exact", List.of(), true);
        }
        List<LevelOfAssurance> known = request.authnContextClassRefs().stream().map(LevelOfAssurance::fromUri)
                .flatMap(Optional::stream).toList();
        String comparison = request.authnContextComparison() == null ? "exact" : request.authnContextComparison();
        return new AuthnContextRequirement(comparison, known, false);
    }

    /** @return whether a citizen signed in at this level satisfies the request */
    boolean satisfiedBy(LevelOfAssurance level) {
        if (any) {
            return true;
        }
        return switch (comparison) {
            case "exact" -> requested.contains(level);
            case "minimum" -> requested.stream().anyMatch(level::satisfies);
            case "better" -> requested.stream().anyMatch(r -> level.compareTo(r) > 0);
            case "maximum" -> requested.stream().anyMatch(r -> level.compareTo(r) <= 0);
            default -> false;
        };
    }

    /** @return whether any level this IdP signs citizens in at could satisfy the request */
    boolean satisfiable() {
        return Arrays.stream(LevelOfAssurance.values()).anyMatch(this::satisfiedBy);
    }

    /** @return whether the session's {@code acr} (a {@link LevelOfAssurance} URI) satisfies the request */
    boolean satisfiedByAcr(String acr) {
        return LevelOfAssurance.fromUri(acr).map(this::satisfiedBy).orElse(any);
    }
}
