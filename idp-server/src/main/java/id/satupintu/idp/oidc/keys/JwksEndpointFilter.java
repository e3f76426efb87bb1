package id.satupintu.idp.oidc.keys;

import java.io.IOException;
import java.time.Duration;

import id.satupintu.idp.keys.KeyRingCache;
import id.satupintu.idp.keys.KeyRingSnapshot;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the JWK Set (RFC 7517 §5) with caching headers: {@code Cache-Control: public, max-age}
 * so relying parties and CDNs do not fetch it per token, and a strong {@code ETag} so a revalidation
 * costs a 304 (RFC 9111 §5.2.2.1, RFC 9110 §8.8.3). The set is this node's {@link KeyRingCache}
 * snapshot: NEXT, ACTIVE and RETIRED keys, body and ETag computed once per change of the ring.
 */
public class JwksEndpointFilter extends OncePerRequestFilter {

    private final String path;
    private final KeyRingCache keys;
    private final String cacheControl;

    public JwksEndpointFilter(String path, KeyRingCache keys, Duration maxAge) {
        this.path = path;
        this.keys = keys;
        this.cacheControl = "public, max-age=" + maxAge.toSeconds();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod()))
                || !path.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        KeyRingSnapshot snapshot = keys.current();
        String etag = snapshot.etag();
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.ETAG, etag);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = snapshot.publishedBody();
        response.setContentType("application/jwk-set+json");
        response.setContentLength(body.length);
        if (HttpMethod.GET.matches(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
