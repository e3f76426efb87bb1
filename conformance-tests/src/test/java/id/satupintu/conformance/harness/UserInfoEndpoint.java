package id.satupintu.conformance.harness;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The three ways OIDC Core §5.3.1 and RFC 6750 §2 let a client present its access token to UserInfo. */
public final class UserInfoEndpoint {

    private final Discovery discovery;

    public UserInfoEndpoint(Discovery discovery) {
        this.discovery = discovery;
    }

    public HttpResponse<String> get(String accessToken) {
        return BackChannel.get(discovery.userinfoEndpoint(), "Authorization", "Bearer " + accessToken);
    }

    public HttpResponse<String> postWithHeader(String accessToken) {
        return BackChannel.send(HttpRequest.newBuilder(discovery.userinfoEndpoint())
                .POST(HttpRequest.BodyPublishers.noBody()), "Authorization", "Bearer " + accessToken);
    }

    public HttpResponse<String> postWithBody(String accessToken) {
        return BackChannel.postForm(discovery.userinfoEndpoint(), FormData.of("access_token", accessToken));
    }
}
