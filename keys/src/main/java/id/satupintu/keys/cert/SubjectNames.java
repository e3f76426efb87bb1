package id.satupintu.keys.cert;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;

/**
 * Distinguished names as operators type them ({@code CN=SatuPintu SAML,O=...,C=ID}; RFC 4514 order,
 * most significant last). Parsed by the JDK's {@link X500Principal}, so the encoded name has
 * {@code C} first, as certificate authorities and OpenSSL write it, and prints back as typed.
 */
public final class SubjectNames {

    private SubjectNames() {
    }

    /** @throws IllegalArgumentException with a readable message when the name does not parse */
    public static X500Name parse(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject is empty; give a distinguished name such as CN=SatuPintu SAML,O=Example,C=ID");
        }
        try {
            X500Name name = X500Name.getInstance(new X500Principal(subject).getEncoded());
            if (name.getRDNs().length == 0) {
                throw new IllegalArgumentException("subject has no attributes");
            }
            return name;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("subject '" + subject + "' is not a distinguished name such as "
                    + "CN=SatuPintu SAML,O=Example,C=ID: " + e.getMessage(), e);
        }
    }
}
