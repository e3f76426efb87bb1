package id.satupintu.idp.saml;

import java.util.Arrays;
import java.util.Optional;

/** The SAML 2.0 bindings this IdP speaks (SAML Bindings §3.4 and §3.5). */
public enum SamlBinding {

    REDIRECT("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"),
    POST("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");

    private final String uri;

    SamlBinding(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /** @return the binding of a metadata {@code Binding} attribute; empty for bindings not spoken here (SOAP, Artifact, ...) */
    public static Optional<SamlBinding> fromUri(String uri) {
        return Arrays.stream(values()).filter(b -> b.uri.equals(uri)).findFirst();
    }
}
