package id.satupintu.idp.citizen;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Standard claims read from the citizen's account on each request; nothing is cached or logged. */
@Component
class StoredCitizenClaimsSource implements CitizenClaimsSource {

    private final CitizenStore citizens;

    StoredCitizenClaimsSource(CitizenStore citizens) {
        this.citizens = citizens;
    }

    @Override
    public Optional<Map<String, Object>> claimsFor(UUID citizenId, Set<String> grantedScopes) {
        return citizens.findById(citizenId)
                .filter(Citizen::isActive)
                .map(c -> StandardClaims.of(c, grantedScopes));
    }
}
