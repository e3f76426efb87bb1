package id.satupintu.conformance.harness.saml;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.satupintu.conformance.harness.BackChannel;

/**
 * SatuPintu's SAML IdP metadata (SAML Metadata §2.4.3) from its documented URL
 * {@value #PATH}: what every SP, pysaml2 included, is configured from.
 */
public record IdpMetadata(URI location, String xml) {

    public static final String PATH = "/saml2/idp/metadata";

    private static final Pattern ENTITY_ID = Pattern.compile("entityID=\"([^\"]+)\"");

    public static IdpMetadata fetch(URI idpOrigin) {
        URI location = idpOrigin.resolve(PATH);
        HttpResponse<String> response = BackChannel.get(location);
        if (response.statusCode() != 200 || !response.body().contains("IDPSSODescriptor")) {
            throw new AssertionError("IdP metadata at " + PATH + " answered " + response.statusCode() + ": "
                    + (response.body().length() > 300 ? response.body().substring(0, 300) : response.body()));
        }
        return new IdpMetadata(location, response.body());
    }

    public String entityId() {
        Matcher matcher = ENTITY_ID.matcher(xml);
        if (!matcher.find()) {
            throw new AssertionError("IdP metadata has no entityID");
        }
        return matcher.group(1);
    }
}
