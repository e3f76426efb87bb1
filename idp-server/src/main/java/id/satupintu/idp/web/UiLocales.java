package id.satupintu.idp.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the citizen pages: Bahasa Indonesia (default) and English. Picks the first
 * supported entry of an OIDC {@code ui_locales} value (OIDC Core §3.1.2.1: space-separated BCP 47
 * tags in order of preference).
 */
public final class UiLocales {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(INDONESIAN, ENGLISH);

    private UiLocales() {
    }

    /** @return the supported language of a tag such as {@code en-GB} or {@code id}, if any */
    public static Optional<Locale> supported(Locale requested) {
        if (requested == null) {
            return Optional.empty();
        }
        // Java once called Indonesian "in"; accept both spellings
        String language = "in".equals(requested.getLanguage()) ? "id" : requested.getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** @return the first supported language of a {@code ui_locales} value */
    public static Optional<Locale> firstSupported(String uiLocales) {
        if (uiLocales == null || uiLocales.isBlank()) {
            return Optional.empty();
        }
        for (String tag : uiLocales.trim().split("\\s+")) {
            Optional<Locale> match = supported(Locale.forLanguageTag(tag));
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }
}
