/**
 * The {@code satupintu-keys} command line: generate, list, rotate, retire and destroy managed keys,
 * export the public JWKS (RFC 7517), make and import X.509 certificates and PKCS#10 requests, and
 * re-wrap database-held keys under a new key-encryption key. Secrets (database password, KEK,
 * PKCS#12 password, HSM PIN) are read from environment variables or files named on the command
 * line, never from the command line itself: arguments are visible to every local user in
 * {@code ps} and {@code /proc}, and are kept in shell history.
 */
package id.satupintu.keys.cli;
