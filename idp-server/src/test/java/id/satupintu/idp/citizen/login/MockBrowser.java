package id.satupintu.idp.citizen.login;

import java.net.HttpCookie;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One citizen's browser over MockMvc: keeps cookies between requests (the SSO session lives in
 * Redis through Spring Session, so only the cookie ties requests together) and sends every request
 * from one client address.
 */
public final class MockBrowser {

    private final MockMvc mvc;
    private final String address;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public MockBrowser(MockMvc mvc, String address) {
        this.mvc = mvc;
        this.address = address;
    }

    public MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        cookies.forEach((name, value) -> request.cookie(new Cookie(name, value)));
        request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        MvcResult result = mvc.perform(request).andReturn();
        for (String header : result.getResponse().getHeaders("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return result;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }
}
