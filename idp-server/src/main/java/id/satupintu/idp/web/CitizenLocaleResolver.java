package id.satupintu.idp.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Chooses the page language, in this order: the citizen's own choice from the language switch
 * (remembered in a cookie); the relying party's {@code ui_locales} (OIDC Core §3.1.2.1) on this
 * request, on the authorization request a page found for it ({@link #REQUESTED_UI_LOCALES}), or on
 * the authorization request saved while the citizen signs in; Bahasa Indonesia.
 */
public class CitizenLocaleResolver extends CookieLocaleResolver {

    static final String COOKIE_NAME = "SATUPINTU_LANG";
    static final String UI_LOCALES = "ui_locales";

    /** Request attribute in which a controller hands over the {@code ui_locales} of the request it serves. */
    static final String REQUESTED_UI_LOCALES = CitizenLocaleResolver.class.getName() + ".uiLocales";

    private final RequestCache savedRequests = new HttpSessionRequestCache();

    public CitizenLocaleResolver() {
        super(COOKIE_NAME);
        setCookieMaxAge(Duration.ofDays(365));
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
        setRejectInvalidCookies(true);
        setDefaultLocaleFunction(this::fromRequestOrDefault);
    }

    /**
     * Applies the {@code ui_locales} of the authorization request a page serves to the rest of this
     * request (unless the citizen chose a language). The locale may already have been resolved, and
     * cached, before the controller ran.
     */
    public static void applyUiLocales(HttpServletRequest request, String uiLocales) {
        request.setAttribute(REQUESTED_UI_LOCALES, uiLocales);
        request.removeAttribute(LOCALE_REQUEST_ATTRIBUTE_NAME);
    }

    private Locale fromRequestOrDefault(HttpServletRequest request) {
        return UiLocales.firstSupported(request.getParameter(UI_LOCALES))
                .or(() -> request.getAttribute(REQUESTED_UI_LOCALES) instanceof String handedOver
                        ? UiLocales.firstSupported(handedOver) : Optional.empty())
                .or(() -> fromSavedRequest(request))
                .orElse(UiLocales.INDONESIAN);
    }

    private Optional<Locale> fromSavedRequest(HttpServletRequest request) {
        if (request.getSession(false) == null) {
            return Optional.empty();
        }
        SavedRequest saved = savedRequests.getRequest(request, null);
        if (saved == null) {
            return Optional.empty();
        }
        String[] values = saved.getParameterValues(UI_LOCALES);
        return values == null || values.length == 0 ? Optional.empty() : UiLocales.firstSupported(values[0]);
    }

    /** Only the supported languages are remembered; anything else leaves the current choice alone. */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        UiLocales.supported(locale).ifPresent(supported -> super.setLocale(request, response, supported));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale resolved = super.resolveLocale(request);
        // a cookie edited by hand may name a language the pages do not have
        return UiLocales.supported(resolved).orElse(UiLocales.INDONESIAN);
    }
}
