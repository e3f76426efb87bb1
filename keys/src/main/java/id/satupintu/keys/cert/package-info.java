/**
 * X.509 certificates for managed keys (RFC 5280): self-signed certificates, PKCS#10 certificate
 * signing requests (RFC 2986), checking a certificate authority's answer before it is imported,
 * PEM (RFC 7468), and the public JWK set (RFC 7517) the server publishes.
 */
package id.satupintu.keys.cert;
