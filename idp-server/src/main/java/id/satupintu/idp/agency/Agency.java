package id.satupintu.idp.agency;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A government agency: the owner of relying parties and the sector of pairwise subject
 * identifiers (OIDC Core §8.1), so all apps of one agency see the same {@code sub}.
 *
 * @param code stable, URL-safe identifier ({@code [a-z0-9-]{2,40}}); it is the pairwise sector
 * @param name human-readable name shown on consent pages
 */
public record Agency(String code, String name, Instant createdAt) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{2,40}");

    /** Maximum length of {@link #name()}, as in the {@code agency} table. */
    public static final int NAME_MAX_LENGTH = 200;

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.length() <= NAME_MAX_LENGTH;
    }
}
