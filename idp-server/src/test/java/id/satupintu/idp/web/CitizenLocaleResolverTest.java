package id.satupintu.idp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

class CitizenLocaleResolverTest {

    private final CitizenLocaleResolver resolver = new CitizenLocaleResolver();

    @Test
    void resolveLocaleWhenNothingChosenThenIndonesian() {
        assertThat(resolver.resolveLocale(new MockHttpServletRequest())).isEqualTo(UiLocales.INDONESIAN);
    }

    @Test
    void resolveLocaleWhenBrowserPrefersEnglishButNothingChosenThenStillIndonesian() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addPreferredLocale(Locale.ENGLISH);

        assertThat(resolver.resolveLocale(request)).isEqualTo(UiLocales.INDONESIAN);
    }

    @Test
    void resolveLocaleWhenUiLocalesListsUnsupportedFirstThenFirstSupported() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setParameter("ui_locales", "fr-CA en-GB id");

        assertThat(resolver.resolveLocale(request)).isEqualTo(UiLocales.ENGLISH);
    }

    @Test
    void resolveLocaleWhenUiLocalesOnlyUnsupportedThenIndonesian() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setParameter("ui_locales", "fr ja");

        assertThat(resolver.resolveLocale(request)).isEqualTo(UiLocales.INDONESIAN);
    }

    @Test
    void resolveLocaleWhenSavedAuthorizationRequestHasUiLocalesThenThatLanguage() {
        MockHttpServletRequest authorize = new MockHttpServletRequest("GET", "/oauth2/authorize");
        authorize.setParameter("ui_locales", "en");
        new HttpSessionRequestCache().saveRequest(authorize, new MockHttpServletResponse());
        MockHttpServletRequest loginPage = new MockHttpServletRequest("GET", "/login");
        loginPage.setSession(authorize.getSession());

        assertThat(resolver.resolveLocale(loginPage)).isEqualTo(UiLocales.ENGLISH);
    }

    @Test
    void applyUiLocalesWhenLocaleAlreadyResolvedThenLaterResolutionsUseIt() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        assertThat(resolver.resolveLocale(request)).isEqualTo(UiLocales.INDONESIAN);

        CitizenLocaleResolver.applyUiLocales(request, "en-GB");

        assertThat(resolver.resolveLocale(request)).isEqualTo(UiLocales.ENGLISH);
    }

    @Test
    void applyUiLocalesWhenCitizenChoseLanguageThenChoiceStillWins() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie("SATUPINTU_LANG", "id"));

        CitizenLocaleResolver.applyUiLocales(request, "en");

        assertThat(resolver.resolveLocale(request)).isEqualTo(UiLocales.INDONESIAN);
    }

    @Test
    void resolveLocaleWhenSwitchCookieAndUiLocalesDisagreeThenCitizensOwnChoiceWins() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie("SATUPINTU_LANG", "id"));
        request.setParameter("ui_locales", "en");

        assertThat(resolver.resolveLocale(request)).isEqualTo(UiLocales.INDONESIAN);
    }

    @Test
    void resolveLocaleWhenCookieNamesUnsupportedLanguageThenIndonesian() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie("SATUPINTU_LANG", "fr"));

        assertThat(resolver.resolveLocale(request)).isEqualTo(UiLocales.INDONESIAN);
    }

    @Test
    void setLocaleWhenSupportedThenRememberedInLongLivedHttpOnlyCookie() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        resolver.setLocale(new MockHttpServletRequest(), response, Locale.forLanguageTag("en-US"));

        Cookie cookie = response.getCookie("SATUPINTU_LANG");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("en");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getMaxAge()).isEqualTo(365 * 24 * 3600);
    }

    @Test
    void setLocaleWhenUnsupportedThenNothingRemembered() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        resolver.setLocale(new MockHttpServletRequest(), response, Locale.JAPANESE);

        assertThat(response.getCookie("SATUPINTU_LANG")).isNull();
    }

    @Test
    void supportedWhenLegacyIndonesianCodeThenIndonesian() {
        assertThat(UiLocales.supported(Locale.forLanguageTag("in-ID"))).contains(UiLocales.INDONESIAN);
        assertThat(UiLocales.supported(Locale.forLanguageTag("id-ID"))).contains(UiLocales.INDONESIAN);
    }
}
