/**
 * Private keys in a password-protected PKCS#12 file (RFC 7292), one private key entry per kid.
 */
package id.satupintu.keys.store.pkcs12;
