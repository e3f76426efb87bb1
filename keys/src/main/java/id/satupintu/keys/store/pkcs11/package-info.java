/**
 * Private keys inside a PKCS#11 token (an HSM, or SoftHSM2 in tests), operated through the JDK's
 * SunPKCS11 provider: keys are generated in the token as sensitive, non-extractable token objects
 * (PKCS#11 v2.40 §4.9 {@code CKA_TOKEN}, {@code CKA_SENSITIVE}, {@code CKA_EXTRACTABLE}) and
 * never leave it.
 *
 * <h2>Configuring</h2>
 * {@link id.satupintu.keys.store.pkcs11.Pkcs11Settings} names the vendor's library, the token (slot
 * id, or token label) and the user PIN. Finding a token by label, and listing the available slots
 * when a slot is missing, needs the JVM option
 * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}; without it,
 * configure the slot id (errors then say that the slots could not be listed).
 *
 * <h2>What the token does</h2>
 * <ul>
 * <li>RS256, PS256 ({@code CKM_RSA_PKCS_PSS}), ES256 on P-256 and RSA 2048/3072: generated and used
 * in the token.</li>
 * <li>RSA-OAEP-256: raw RSA in the token, OAEP decoding in this JVM
 * ({@link id.satupintu.keys.store.pkcs11.OaepOverRawRsaProvider}); the private key still never
 * leaves the token.</li>
 * <li>Ed25519: refused with {@link id.satupintu.keys.UnsupportedKeyException}; SunPKCS11 on Java 17
 * has no EdDSA.</li>
 * </ul>
 *
 * <h2>Known limits</h2>
 * <ul>
 * <li>Login state is per process and token (PKCS#11 v2.40 §5.6): only the first back end that logs
 * in to a token in a JVM has its PIN checked.</li>
 * <li>Entries are named by the certificate's {@code CKA_LABEL} = kid and paired with the private key
 * by {@code CKA_ID}, as the JDK's PKCS11 key store does; the private key object itself carries no
 * label. Should storing the entry fail right after generation, the new private key stays in the
 * token without an entry and must be removed with the vendor's tools.</li>
 * </ul>
 *
 * <h2>Tests</h2>
 * The tests run on SoftHSM2, which their set-up installs with apt-get when missing and initialises
 * under {@code keys/target/softhsm}; {@code keys/pom.xml} points {@code SOFTHSM2_CONF} there.
 */
package id.satupintu.keys.store.pkcs11;
