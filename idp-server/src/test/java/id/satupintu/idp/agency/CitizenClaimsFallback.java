package id.satupintu.idp.agency;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import id.satupintu.idp.citizen.CitizenClaimsSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Lets the agency tests start the whole server while the citizen feature's own
 * {@link CitizenClaimsSource} is not on the branch: these tests never sign a citizen in. Imported
 * as an auto-configuration so that it backs off as soon as the real bean exists.
 */
@AutoConfiguration
public class CitizenClaimsFallback {

    @Bean
    @ConditionalOnMissingBean
    CitizenClaimsSource noCitizens() {
        return new CitizenClaimsSource() {
            @Override
            public Map<String, Object> claimsFor(UUID citizenId, Set<String> grantedScopes) {
                return Map.of();
            }

            @Override
            public boolean isActive(UUID citizenId) {
                return false;
            }
        };
    }
}
