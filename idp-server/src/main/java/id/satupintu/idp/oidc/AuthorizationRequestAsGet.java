package id.satupintu.idp.oidc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.web.util.UriUtils;

/** A form-posted authorization request seen as the GET request carrying the same parameters. */
final class AuthorizationRequestAsGet extends HttpServletRequestWrapper {

    private final String queryString;

    AuthorizationRequestAsGet(HttpServletRequest posted) {
        super(posted);
        this.queryString = posted.getParameterMap().entrySet().stream()
                .filter(parameter -> !parameter.getKey().equals("_csrf"))
                .flatMap(parameter -> Arrays.stream(parameter.getValue())
                        .map(value -> encode(parameter.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String getMethod() {
        return "GET";
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }
}
