package id.satupintu.conformance.harness.saml;

import java.util.List;

/**
 * How a test service provider is configured and registered: what its pysaml2 configuration and
 * metadata say, and what the administrator chooses when registering it in SatuPintu. Starts as an
 * ordinary SP of the {@code demo-kependudukan} agency that signs its AuthnRequests, wants the
 * response and the assertion signed and has no encryption certificate; tests change single settings.
 */
public final class SpOptions {

    private final String name;
    private String agency = "demo-kependudukan";
    private List<String> scopes = List.of("profile", "email");
    private boolean signsRequests = true;
    private boolean requireSignedRequests = true;
    private boolean wantAssertionsSigned = true;
    private boolean wantResponseSigned = true;
    private boolean encryption;
    private String signedParts = "BOTH";
    private String binding = "redirect";

    private SpOptions(String name) {
        if (!name.matches("[a-z0-9-]{1,30}")) {
            throw new IllegalArgumentException("SP name must be a short lower-case token: " + name);
        }
        this.name = name;
    }

    /** @param name short token naming the SP: its cookie, key files and log carry it */
    public static SpOptions named(String name) {
        return new SpOptions(name);
    }

    public SpOptions agency(String agencyCode) {
        this.agency = agencyCode;
        return this;
    }

    public SpOptions scopes(String... registeredScopes) {
        this.scopes = List.of(registeredScopes);
        return this;
    }

    /** Whether pysaml2 signs its AuthnRequests (metadata {@code AuthnRequestsSigned}); also what the administrator requires. */
    public SpOptions signsRequests(boolean signs) {
        this.signsRequests = signs;
        this.requireSignedRequests = signs;
        return this;
    }

    /** An SP with an encryption certificate in its metadata, registered with {@code encrypt_assertions=true}. */
    public SpOptions encryption(boolean withEncryptionCertificate) {
        this.encryption = withEncryptionCertificate;
        return this;
    }

    public SpOptions signedParts(String responseAssertionOrBoth) {
        this.signedParts = responseAssertionOrBoth;
        this.wantResponseSigned = !"ASSERTION".equals(responseAssertionOrBoth);
        this.wantAssertionsSigned = !"RESPONSE".equals(responseAssertionOrBoth);
        return this;
    }

    /** The binding {@code /login} uses when the test does not name one: {@code redirect} or {@code post}. */
    public SpOptions binding(String redirectOrPost) {
        this.binding = redirectOrPost;
        return this;
    }

    public String name() {
        return name;
    }

    public String agency() {
        return agency;
    }

    public List<String> scopes() {
        return scopes;
    }

    public boolean signsRequests() {
        return signsRequests;
    }

    public boolean requireSignedRequests() {
        return requireSignedRequests;
    }

    public boolean wantAssertionsSigned() {
        return wantAssertionsSigned;
    }

    public boolean wantResponseSigned() {
        return wantResponseSigned;
    }

    public boolean encryption() {
        return encryption;
    }

    public String signedParts() {
        return signedParts;
    }

    public String binding() {
        return binding;
    }

    @Override
    public String toString() {
        return "SpOptions[" + name + ", " + agency + ", signs requests " + signsRequests + ", encryption " + encryption
                + ", signed " + signedParts + "]";
    }
}
