package id.satupintu.idp.oidc.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import id.satupintu.idp.citizen.CitizenClaims;
import id.satupintu.idp.citizen.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** Claim selection: allowed scopes × the claims parameter × the nik grant (OIDC Core §5.4, §5.5). */
class ClaimReleaseTest {

    private static final CitizenClaims SITI = CitizenClaims.of(TestCitizens.siti());

    private static RequestedClaims userinfo(String json) {
        return ClaimsRequest.parse(json).userinfo();
    }

    private static RequestedClaims idToken(String json) {
        return ClaimsRequest.parse(json).idToken();
    }

    @Test
    void userInfoWhenNoClaimsParameterThenClaimsOfAllowedScopes() {
        Map<String, Object> released = ClaimRelease.forUserInfo(SITI, Set.of("openid", "profile"), RequestedClaims.NONE);

        assertThat(released).containsOnlyKeys("name", "given_name", "family_name", "birthdate", "gender", "locale");
    }

    @Test
    void userInfoWhenEmailRequestedButEmailScopeNotConsentedThenNoEmail() {
        Map<String, Object> released = ClaimRelease.forUserInfo(SITI, Set.of("openid"),
                userinfo(TestClaimsRequests.USERINFO_EMAIL_ESSENTIAL));

        assertThat(released).isEmpty();
    }

    @Test
    void userInfoWhenEmailRequestedAndConsentedThenEmail() {
        Map<String, Object> released = ClaimRelease.forUserInfo(SITI, Set.of("openid", "email"),
                userinfo(TestClaimsRequests.USERINFO_EMAIL_ESSENTIAL));

        assertThat(released).containsEntry("email", "siti.rahayu@example.id").containsEntry("email_verified", true);
    }

    @Test
    void userInfoWhenNikScopeNotAllowedThenNeverNikOrFamilyCard() {
        Map<String, Object> released = ClaimRelease.forUserInfo(SITI, Set.of("openid", "profile", "address"),
                userinfo("{\"userinfo\":{\"nik\":{\"essential\":true},\"family_card_number\":null}}"));

        assertThat(released).doesNotContainKeys("nik", "family_card_number");
        assertThat(ClaimRelease.releasesNik(released)).isFalse();
    }

    @Test
    void userInfoWhenNikScopeAllowedThenNikAndFamilyCard() {
        Map<String, Object> released = ClaimRelease.forUserInfo(SITI, Set.of("openid", "nik"), RequestedClaims.NONE);

        assertThat(released).containsOnly(Map.entry("nik", "3171016502900001"),
                Map.entry("family_card_number", "3171011503150001"));
        assertThat(ClaimRelease.releasesNik(released)).isTrue();
    }

    @Test
    void userInfoWhenValueDoesNotMatchThenClaimLeftOut() {
        Map<String, Object> released = ClaimRelease.forUserInfo(SITI, Set.of("profile"),
                userinfo("{\"userinfo\":{\"gender\":{\"value\":\"male\"}}}"));

        assertThat(released).doesNotContainKey("gender").containsKey("name");
    }

    @Test
    void idTokenWhenNoIdTokenMemberThenNoIdentityClaims() {
        Map<String, Object> released = ClaimRelease.forIdToken(SITI, Set.of("openid", "profile", "email", "nik"),
                idToken(TestClaimsRequests.USERINFO_EMAIL_ESSENTIAL));

        assertThat(released).isEmpty();
    }

    @Test
    void idTokenWhenClaimsRequestedThenOnlyThoseWithinAllowedScopes() {
        Map<String, Object> withoutNik = ClaimRelease.forIdToken(SITI, Set.of("openid", "profile"),
                idToken(TestClaimsRequests.ID_TOKEN_NAME_AND_NIK));
        Map<String, Object> withNik = ClaimRelease.forIdToken(SITI, Set.of("openid", "profile", "nik"),
                idToken(TestClaimsRequests.ID_TOKEN_NAME_AND_NIK));

        assertThat(withoutNik).containsOnly(Map.entry("name", "Siti Rahayu"));
        assertThat(withNik).containsOnly(Map.entry("name", "Siti Rahayu"), Map.entry("nik", "3171016502900001"));
    }

    @Test
    void idTokenWhenProtocolClaimRequestedThenNotAddedHere() {
        Map<String, Object> released = ClaimRelease.forIdToken(SITI, Set.of("openid", "profile"),
                idToken("{\"id_token\":{\"acr\":{\"essential\":true},\"auth_time\":null}}"));

        assertThat(released).isEmpty();
    }

    @Test
    void releasesNikWhenOnlyInsideVerifiedClaimsThenTrue() {
        Map<String, Object> released = ClaimRelease.forUserInfo(SITI, Set.of("profile", "nik"),
                userinfo("{\"userinfo\":{\"verified_claims\":{\"claims\":{\"nik\":null}}}}"));

        assertThat(ClaimRelease.releasesNik(Map.of("verified_claims", released.get("verified_claims")))).isTrue();
    }

    @Test
    void allowedScopesWhenTokenHasScopeTheClientNoLongerHoldsThenDropped() {
        RegisteredClient client = RegisteredClient.withId("id").clientId("c")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://rp.example.id/cb").scope("openid").scope("profile").build();

        assertThat(ClientClaims.allowedScopes(client, Set.of("openid", "profile", "nik")))
                .containsExactlyInAnyOrder("openid", "profile");
    }
}
