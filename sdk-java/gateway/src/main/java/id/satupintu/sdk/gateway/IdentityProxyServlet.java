package id.satupintu.sdk.gateway;

import id.satupintu.sdk.Citizen;
import id.satupintu.sdk.web.SsoFlow;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.ee10.proxy.ProxyServlet;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Jetty's proven {@link ProxyServlet} (hop-by-hop headers, streaming, {@code X-Forwarded-*}, {@code Via})
 * with three changes: the target is always the configured upstream (never an address from the request,
 * so this is no open proxy), the identity headers and the gateway's cookies are rewritten on the way up,
 * and an upstream may not set the gateway's cookies or redirect browsers to its own private address.
 */
final class IdentityProxyServlet extends ProxyServlet {

    private final String upstreamOrigin;
    private final String upstreamBase;
    private final boolean trustForwardedHeaders;

    /** @param trustForwardedHeaders false: a client's {@code Forwarded} / {@code X-Forwarded-*} are dropped */
    IdentityProxyServlet(URI upstream, boolean trustForwardedHeaders) {
        this.trustForwardedHeaders = trustForwardedHeaders;
        int port = upstream.getPort();
        this.upstreamOrigin = upstream.getScheme() + "://" + upstream.getHost() + (port < 0 ? "" : ":" + port);
        String path = upstream.getRawPath() == null ? "" : upstream.getRawPath();
        this.upstreamBase = upstreamOrigin + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    @Override
    protected String rewriteTarget(HttpServletRequest request) {
        // The raw request URI keeps the client's percent-encoding, so the upstream sees the same path.
        String target = upstreamBase + request.getRequestURI();
        String query = request.getQueryString();
        return query == null ? target : target + "?" + query;
    }

    @Override
    protected void copyRequestHeaders(HttpServletRequest clientRequest, Request proxyRequest) {
        super.copyRequestHeaders(clientRequest, proxyRequest);
        Citizen citizen = clientRequest.getAttribute(SsoFlow.CITIZEN_ATTRIBUTE) instanceof Citizen signedIn ? signedIn : null;
        List<String> cookies = Collections.list(clientRequest.getHeaders(HttpHeader.COOKIE.asString()));
        String upstreamCookies = GatewayCookies.forUpstream(cookies);
        proxyRequest.headers(headers -> {
            IdentityHeaders.apply(headers, citizen);
            if (!trustForwardedHeaders) {
                // a client could claim any address or scheme in these; Jetty adds the true ones after this
                removeForwardedHeaders(headers);
            }
            headers.remove(HttpHeader.COOKIE);
            if (upstreamCookies != null) {
                headers.put(HttpHeader.COOKIE, upstreamCookies);
            }
        });
    }

    private static void removeForwardedHeaders(HttpFields.Mutable headers) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : headers) {
            String name = field.getName().replace('_', '-');
            if (name.equalsIgnoreCase("Forwarded") || name.regionMatches(true, 0, "X-Forwarded-", 0, 12)) {
                names.add(field.getName());
            }
        }
        names.forEach(headers::remove);
    }

    @Override
    protected String filterServerResponseHeader(HttpServletRequest clientRequest, Response serverResponse,
                                                String headerName, String headerValue) {
        if (HttpHeader.SET_COOKIE.is(headerName) && GatewayCookies.setsGatewayCookie(headerValue)) {
            return null;
        }
        if (HttpHeader.LOCATION.is(headerName) && startsWithOrigin(headerValue)) {
            return origin(clientRequest) + headerValue.substring(upstreamOrigin.length());
        }
        return super.filterServerResponseHeader(clientRequest, serverResponse, headerName, headerValue);
    }

    private boolean startsWithOrigin(String location) {
        if (!location.regionMatches(true, 0, upstreamOrigin, 0, upstreamOrigin.length())) {
            return false;
        }
        // "http://up:80" must not match "http://up:8000/..."
        return location.length() == upstreamOrigin.length() || "/?#".indexOf(location.charAt(upstreamOrigin.length())) >= 0;
    }

    private static String origin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80) || ("https".equals(request.getScheme()) && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
