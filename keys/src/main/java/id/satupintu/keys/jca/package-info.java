/**
 * JWS signing and verification on the fastest JCA provider available.
 *
 * <p>{@link id.satupintu.keys.jca.SignatureProviders} decides, once per JVM, whether the Amazon
 * Corretto Crypto Provider (ACCP, native AWS-LC) loads and is healthy, and which provider each
 * algorithm uses; {@link id.satupintu.keys.jca.JwsSigners} makes Nimbus {@code JWSSigner}s and
 * {@code JWSVerifier}s for a {@link id.satupintu.keys.ManagedKey} on that provider, or on the
 * hardware provider of a hardware-bound key. Nothing here installs a provider in the JVM.
 */
package id.satupintu.keys.jca;
