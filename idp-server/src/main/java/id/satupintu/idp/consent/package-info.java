/**
 * Consent records: which scopes a citizen granted which client. The authorization server's
 * {@code OAuth2AuthorizationConsentService} bean is
 * {@link id.satupintu.idp.consent.store.jpa.JpaOAuth2AuthorizationConsentService} (table from
 * {@code V5__consents.sql}); withdrawing a consent removes it. Citizens list and withdraw their
 * consents through {@link id.satupintu.idp.consent.ConsentWithdrawal} (page
 * {@code /account/applications}), which also revokes the client's grants for them.
 */
package id.satupintu.idp.consent;
