/**
 * SAML service providers registered inside an agency by their metadata (SAML Metadata §2.4.4):
 * {@link id.satupintu.idp.saml.sp.ServiceProviderRegistry} registers, changes, refreshes and removes
 * them; {@link id.satupintu.idp.saml.sp.SpMetadataParser} reads and checks metadata;
 * {@link id.satupintu.idp.saml.sp.MetadataFetcher} fetches signed metadata from a URL and
 * {@link id.satupintu.idp.saml.sp.MetadataRefreshScheduler} refreshes it on one node at a time;
 * {@link id.satupintu.idp.saml.sp.CachedServiceProviderStore} answers the SSO hot path from memory.
 * The admin API lives in {@code admin}, the JPA storage in {@code store.jpa} (table
 * {@code saml_service_provider}, migration V8).
 */
package id.satupintu.idp.saml.sp;
