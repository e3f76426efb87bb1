/**
 * Grant storage for the authorization server: {@link id.satupintu.idp.oidc.grant.HashingOAuth2AuthorizationService}
 * (the {@code OAuth2AuthorizationService} bean) over an ephemeral store ({@code store.redis} when
 * {@code spring.data.redis.*} is set, {@code store.memory} otherwise) and durable refresh grants
 * ({@code store.jpa}, tables from {@code V3__refresh_grants.sql}). Tokens, codes and consent states are
 * stored only as SHA-256 hashes.
 *
 * <p>Properties: {@code satupintu.grants.in-flight-lifetime} (default 10m: authorization requests awaiting
 * consent), {@code satupintu.grants.purge-interval} (default 15m: deletion of expired refresh grants).
 */
package id.satupintu.idp.oidc.grant;
