package id.satupintu.idp.citizen;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Claims read from the citizen's account on each request; nothing is cached or logged. */
@Component
class StoredCitizenClaimsSource implements CitizenClaimsSource {

    private final CitizenStore citizens;

    StoredCitizenClaimsSource(CitizenStore citizens) {
        this.citizens = citizens;
    }

    @Override
    public Optional<CitizenClaims> claimsOf(UUID citizenId) {
        return citizens.findById(citizenId)
                .filter(Citizen::isActive)
                .map(CitizenClaims::of);
    }
}
