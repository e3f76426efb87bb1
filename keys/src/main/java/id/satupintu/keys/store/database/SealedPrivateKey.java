package id.satupintu.keys.store.database;

/**
 * One row of {@code managed_key_secret}: a private key in its envelope. Nothing here is secret
 * without the KEK named by {@link #kekId}.
 *
 * @param wrappedDek the data-encryption key under the KEK
 * @param encryptedPrivateKey the PKCS#8 private key under the data-encryption key
 */
record SealedPrivateKey(String kid, String kekId, AesGcm.Sealed wrappedDek, AesGcm.Sealed encryptedPrivateKey) {
}
