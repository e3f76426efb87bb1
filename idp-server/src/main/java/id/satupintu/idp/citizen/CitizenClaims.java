package id.satupintu.idp.citizen;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a relying party could ever be given about one active citizen, read once: the standard
 * claims of every scope ({@link StandardClaims}) and when the population registry last confirmed
 * the record (the {@code time} of {@code verified_claims}, OIDC4IDA §5). Which of them a client
 * actually receives is decided by the OIDC layer.
 *
 * @param maskedNik the NIK as audit events may show it ({@code 3171**********01}); never the full one
 */
public record CitizenClaims(Map<String, Object> standard, Instant verifiedAt, String maskedNik) {

    public CitizenClaims {
        standard = Map.copyOf(standard);
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        Objects.requireNonNull(maskedNik, "maskedNik");
    }

    public static CitizenClaims of(Citizen citizen) {
        return new CitizenClaims(StandardClaims.of(citizen, StandardClaims.CLAIMS_OF_SCOPE.keySet()),
                citizen.verification().verifiedAt(), citizen.nik().masked());
    }

    /** @return the claims the scopes cover (OIDC Core §5.4), in a stable order */
    public Map<String, Object> forScopes(Set<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        StandardClaims.CLAIMS_OF_SCOPE.forEach((scope, names) -> {
            if (scopes.contains(scope)) {
                names.stream().filter(standard::containsKey).forEach(name -> claims.put(name, standard.get(name)));
            }
        });
        return claims;
    }

    /** Prints no claim values: safe for logs and assertion messages. */
    @Override
    public String toString() {
        return "CitizenClaims[nik=" + maskedNik + ", claims=" + standard.keySet() + "]";
    }
}
