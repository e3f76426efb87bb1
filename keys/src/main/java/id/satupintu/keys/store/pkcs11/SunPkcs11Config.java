package id.satupintu.keys.store.pkcs11;

/**
 * The SunPKCS11 configuration (JDK PKCS#11 Reference Guide, "SunPKCS11 configuration") for one token.
 * Every private key the provider generates is a token object that is sensitive and not extractable
 * (PKCS#11 v2.40 §4.9: {@code CKA_TOKEN}, {@code CKA_PRIVATE}, {@code CKA_SENSITIVE},
 * {@code CKA_EXTRACTABLE}), so the JDK can never read it back out of the token; public keys stay
 * session objects.
 */
final class SunPkcs11Config {

    private SunPkcs11Config() {
    }

    /** @return the inline configuration ({@code --} prefix) for {@code Provider.configure} */
    static String inline(String name, java.nio.file.Path library, long slot) {
        return "--" + String.join("\n",
                "name = " + name,
                "library = " + quoted(library.toString()),
                "slot = " + slot,
                "attributes(generate, CKO_PRIVATE_KEY, *) = {",
                "  CKA_TOKEN = true",
                "  CKA_PRIVATE = true",
                "  CKA_SENSITIVE = true",
                "  CKA_EXTRACTABLE = false",
                "}",
                "attributes(generate, CKO_PUBLIC_KEY, *) = {",
                "  CKA_TOKEN = false",
                "}",
                "");
    }

    private static String quoted(String value) {
        if (value.contains("\"") || value.contains("\n")) {
            throw new IllegalArgumentException("a PKCS#11 library path cannot contain quotes or line breaks");
        }
        return "\"" + value + "\"";
    }
}
