/**
 * Private keys inside a PKCS#11 token (an HSM, or SoftHSM2 in tests), operated through the JDK's
 * SunPKCS11 provider: keys are generated in the token as sensitive, non-extractable token objects
 * (PKCS#11 v2.40 §4.9 {@code CKA_TOKEN}, {@code CKA_SENSITIVE}, {@code CKA_EXTRACTABLE}) and
 * never leave it.
 */
package id.satupintu.keys.store.pkcs11;
