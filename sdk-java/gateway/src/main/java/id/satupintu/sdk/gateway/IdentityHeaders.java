package id.satupintu.sdk.gateway;

import id.satupintu.sdk.Citizen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * The identity the gateway vouches for, as request headers to the upstream application, and the rule
 * that makes them trustworthy: every incoming header in the {@code X-SatuPintu-} family is removed first,
 * whatever its case and however many copies, so only the gateway can set them.
 *
 * <p>Names are compared after mapping {@code _} to {@code -}: CGI, WSGI, PHP and Rack turn both
 * {@code X-SatuPintu-Subject} and {@code X_SatuPintu_Subject} into {@code HTTP_X_SATUPINTU_SUBJECT}, so a
 * forged underscore variant would otherwise reach such an application as the real header.
 */
public final class IdentityHeaders {

    public static final String PREFIX = "X-SatuPintu-";
    public static final String SUBJECT = "X-SatuPintu-Subject";
    public static final String NAME = "X-SatuPintu-Name";
    public static final String ROLES = "X-SatuPintu-Roles";
    public static final String ACR = "X-SatuPintu-Acr";
    public static final String CLAIMS = "X-SatuPintu-Claims";

    private IdentityHeaders() {
    }

    /** @return true for any header name the upstream could read as one of the gateway's identity headers */
    public static boolean isIdentityHeader(String name) {
        String normalised = name.strip().replace('_', '-');
        return normalised.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** Removes every identity header, then adds the citizen's when someone is signed in. */
    public static void apply(HttpFields.Mutable headers, Citizen citizen) {
        TreeSet<String> forged = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : headers) {
            if (isIdentityHeader(field.getName())) {
                forged.add(field.getName());
            }
        }
        forged.forEach(headers::remove);
        if (citizen != null) {
            for (String[] header : of(citizen)) {
                headers.put(header[0], header[1]);
            }
        }
    }

    /** @return name/value pairs for the signed-in citizen; absent claims give no header */
    static List<String[]> of(Citizen citizen) {
        List<String[]> headers = new ArrayList<>();
        citizen.claims().string("sub").ifPresent(subject -> headers.add(new String[] {SUBJECT, headerSafe(subject)}));
        headers.add(new String[] {NAME, headerSafe(citizen.getName())});
        headers.add(new String[] {ROLES, headerSafe(String.join(",", new TreeSet<>(citizen.roles())))});
        citizen.claims().string("acr").ifPresent(acr -> headers.add(new String[] {ACR, headerSafe(acr)}));
        headers.add(new String[] {CLAIMS, Base64.getUrlEncoder().withoutPadding()
                .encodeToString(citizen.claims().json().getBytes(StandardCharsets.UTF_8))});
        return headers;
    }

    /**
     * Header values are ISO-8859-1 on the wire and must never carry a line break (header injection). Printable
     * ASCII passes unchanged; anything else is percent-encoded as UTF-8 (RFC 3986 §2.1), as is {@code %}
     * itself so the encoding is unambiguous.
     */
    static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '%') {
                safe.append((char) c);
            } else {
                safe.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return safe.toString();
    }
}
