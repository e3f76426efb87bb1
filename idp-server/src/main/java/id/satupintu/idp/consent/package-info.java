/**
 * Consent records: which scopes a citizen granted which client. The authorization server's
 * {@code OAuth2AuthorizationConsentService} bean is
 * {@link id.satupintu.idp.consent.store.jpa.JpaOAuth2AuthorizationConsentService} (table from
 * {@code V5__consents.sql}); withdrawing a consent removes it.
 */
package id.satupintu.idp.consent;
