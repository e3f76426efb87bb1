package id.satupintu.sdk.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the application's {@code private_key_jwt} key: a PKCS#8 PEM file ({@code BEGIN PRIVATE KEY},
 * RFC 7468 §10) holding an RSA or EC key. Error messages name the file, never its content.
 */
public final class PemPrivateKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemPrivateKeys() {
    }

    /** @throws IllegalArgumentException with a message fit for a configuration error */
    public static PrivateKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(file + " is not a PKCS#8 PEM private key (expected " + BEGIN
                    + "; convert with: openssl pkcs8 -topk8 -nocrypt)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " holds malformed base64");
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisType) {
                // PKCS#8 names the algorithm inside; trying both factories is simpler than reading the DER
            }
        }
        throw new IllegalArgumentException(file + " holds neither an RSA nor an EC private key");
    }
}
