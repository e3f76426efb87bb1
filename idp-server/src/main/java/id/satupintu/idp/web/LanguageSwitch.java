package id.satupintu.idp.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every page the links of the language switch: the current page with {@code lang} set,
 * keeping its other parameters (the consent page needs its {@code client_id}, {@code scope}, {@code state}).
 */
@ControllerAdvice
class LanguageSwitch {

    /** One entry of the switch; {@code label} is the language's own name. */
    record LanguageLink(String tag, String label, String href, boolean current) {
    }

    @ModelAttribute("languageLinks")
    List<LanguageLink> languageLinks(HttpServletRequest request, Locale locale) {
        return List.of(link(request, locale, UiLocales.INDONESIAN, "Bahasa Indonesia"),
                link(request, locale, UiLocales.ENGLISH, "English"));
    }

    private static LanguageLink link(HttpServletRequest request, Locale current, Locale target, String label) {
        String href = UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("error") // a one-time message flag, not worth repeating
                .replaceQueryParam(I18nConfiguration.SWITCH_PARAMETER, target.getLanguage())
                .build()
                .toUriString();
        return new LanguageLink(target.getLanguage(), label, href,
                target.getLanguage().equals(current.getLanguage()));
    }
}
