package id.satupintu.idp.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every citizen page the links of the language switch: the current page with {@code lang} set,
 * keeping its other parameters (the consent page needs its {@code client_id}, {@code scope}, {@code state}).
 * Limited to the page controllers' packages, so that JSON APIs do not compute it.
 */
@ControllerAdvice(basePackages = {"id.satupintu.idp.web", "id.satupintu.idp.citizen"})
class LanguageSwitch {

    /**
     * One entry of the switch; {@code label} is the language's own name. Which one is current is left
     * to the page: a controller may still change the language after this runs (consent and ui_locales).
     */
    record LanguageLink(String tag, String label, String href) {
    }

    @ModelAttribute("languageLinks")
    List<LanguageLink> languageLinks(HttpServletRequest request) {
        return List.of(link(request, UiLocales.INDONESIAN, "Bahasa Indonesia"),
                link(request, UiLocales.ENGLISH, "English"));
    }

    private static LanguageLink link(HttpServletRequest request, Locale target, String label) {
        String href = UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("error") // a one-time message flag, not worth repeating
                .replaceQueryParam(I18nConfiguration.SWITCH_PARAMETER, target.getLanguage())
                .build()
                .toUriString();
        return new LanguageLink(target.getLanguage(), label, href);
    }
}
