package id.satupintu.idp.saml.binding;

import java.net.URI;

import org.springframework.mock.web.MockHttpServletRequest;

/** Requests as a browser sends them to the SSO endpoint. */
final class RedirectQueries {

    private RedirectQueries() {
    }

    /** @return a GET carrying {@code rawQuery} exactly as written (still URL-encoded) */
    static MockHttpServletRequest get(String rawQuery) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/saml2/idp/sso");
        request.setQueryString(rawQuery);
        return request;
    }

    /** @return the raw query string of a URL built by {@link OutboundEncoder#redirectUrl} */
    static String queryOf(String url) {
        return URI.create(url).getRawQuery();
    }

    static MockHttpServletRequest post(String... namesAndValues) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/saml2/idp/sso");
        request.setContentType("application/x-www-form-urlencoded");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.addParameter(namesAndValues[i], namesAndValues[i + 1]);
        }
        return request;
    }
}
