package id.satupintu.idp.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import id.satupintu.idp.consent.store.jpa.JpaOAuth2AuthorizationConsentService;
import id.satupintu.idp.oidc.grant.GrantStorageTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/** The consent store, run against PostgreSQL and H2 by the subclasses. */
@SpringBootTest(classes = GrantStorageTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class JpaOAuth2AuthorizationConsentServiceContract {

    @Autowired
    private OAuth2AuthorizationConsentService consents;

    @Test
    void findByIdWhenSavedThenSameClientPrincipalAndScopes() {
        OAuth2AuthorizationConsent consent = TestConsents.openidProfile();

        consents.save(consent);

        OAuth2AuthorizationConsent found = consents.findById(consent.getRegisteredClientId(), consent.getPrincipalName());
        assertThat(found).isEqualTo(consent);
        assertThat(found.getScopes()).containsExactlyInAnyOrder("openid", "profile");
    }

    @Test
    void findByIdWhenNeverSavedThenNull() {
        assertThat(consents.findById(UUID.randomUUID().toString(), UUID.randomUUID().toString())).isNull();
    }

    @Test
    void findByIdWhenOtherClientOrOtherCitizenThenNull() {
        OAuth2AuthorizationConsent consent = TestConsents.openidProfile();
        consents.save(consent);

        assertThat(consents.findById(UUID.randomUUID().toString(), consent.getPrincipalName())).isNull();
        assertThat(consents.findById(consent.getRegisteredClientId(), UUID.randomUUID().toString())).isNull();
    }

    @Test
    void saveWhenConsentWidenedThenNewScopesReplaceOld() {
        OAuth2AuthorizationConsent first = TestConsents.openidProfile();
        consents.save(first);
        OAuth2AuthorizationConsent widened = TestConsents.consent(first.getRegisteredClientId(),
                first.getPrincipalName(), "openid", "email", "phone");

        consents.save(widened);

        assertThat(consents.findById(first.getRegisteredClientId(), first.getPrincipalName()).getScopes())
                .containsExactlyInAnyOrder("openid", "email", "phone");
    }

    @Test
    void removeWhenConsentWithdrawnThenGoneAndOthersKept() {
        OAuth2AuthorizationConsent withdrawn = TestConsents.openidProfile();
        OAuth2AuthorizationConsent sameCitizenOtherClient = TestConsents.consent(UUID.randomUUID().toString(),
                withdrawn.getPrincipalName(), "openid");
        consents.save(withdrawn);
        consents.save(sameCitizenOtherClient);

        consents.remove(withdrawn);

        assertThat(consents.findById(withdrawn.getRegisteredClientId(), withdrawn.getPrincipalName())).isNull();
        assertThat(consents.findById(sameCitizenOtherClient.getRegisteredClientId(), withdrawn.getPrincipalName()))
                .isEqualTo(sameCitizenOtherClient);
    }

    @Test
    void removeWhenNothingStoredThenNoError() {
        consents.remove(TestConsents.openidProfile());
    }

    @Test
    void findByPrincipalWhenCitizenConsentedToTwoClientsThenBoth() {
        String citizen = UUID.randomUUID().toString();
        OAuth2AuthorizationConsent first = TestConsents.consent(UUID.randomUUID().toString(), citizen, "openid");
        OAuth2AuthorizationConsent second = TestConsents.consent(UUID.randomUUID().toString(), citizen, "openid",
                "address");
        consents.save(first);
        consents.save(second);
        consents.save(TestConsents.openidProfile());

        assertThat(((JpaOAuth2AuthorizationConsentService) consents).findByPrincipal(citizen))
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void saveWhenAuthorityContainsWhitespaceThenRejectedAndNothingStored() {
        OAuth2AuthorizationConsent consent = OAuth2AuthorizationConsent
                .withId(UUID.randomUUID().toString(), UUID.randomUUID().toString())
                .authority(new SimpleGrantedAuthority("SCOPE_openid profile"))
                .build();

        assertThatThrownBy(() -> consents.save(consent)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authority");
        assertThat(consents.findById(consent.getRegisteredClientId(), consent.getPrincipalName())).isNull();
    }

    @Test
    void saveWhenNonScopeAuthorityThenKeptAsAuthority() {
        OAuth2AuthorizationConsent consent = OAuth2AuthorizationConsent
                .withId(UUID.randomUUID().toString(), UUID.randomUUID().toString())
                .authority(new SimpleGrantedAuthority("SCOPE_openid"))
                .authority(new SimpleGrantedAuthority("CLAIM_nik"))
                .build();

        consents.save(consent);

        assertThat(consents.findById(consent.getRegisteredClientId(), consent.getPrincipalName()).getAuthorities())
                .extracting(a -> a.getAuthority()).containsExactlyInAnyOrder("SCOPE_openid", "CLAIM_nik");
    }
}
