package id.satupintu.conformance.harness.saml;

import java.util.Objects;

import com.nimbusds.jwt.JWTClaimsSet;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;

/**
 * The OIDC code flow of the harness ({@code CodeFlow}: redirect target, state, iss, PKCE, ID token
 * signature and nonce all checked) run in a {@link SamlBrowser}, so OIDC and SAML share one
 * browser and therefore one SatuPintu session.
 */
public final class BrowserCodeFlow {

    /**
     * @param flow the completed flow with every check of {@code CodeFlow}
     * @param front what the browser went through: whether a login page was shown
     */
    public record Outcome(CompletedFlow flow, FrontChannel.Result front) {

        public String sub() {
            return flow.sub();
        }
    }

    private final Harness harness;
    private final FrontChannel frontChannel;

    public BrowserCodeFlow(Harness harness) {
        this.harness = harness;
        this.frontChannel = new FrontChannel(harness.server().issuer());
    }

    public Outcome run(SamlBrowser browser, TestClient client, Citizen citizen) {
        AuthorizationRequest request = harness.request(client);
        FrontChannel.Result front = frontChannel.open(browser, request.toUri(), citizen);
        Authorization authorization = new Authorization(front.finalPage(), front.loginShown(), front.consentShown());
        AuthorizationResponse response = harness.codeFlow().checkedResponse(authorization, request);
        TokenResponse tokens = harness.tokens().exchangeCode(client, response.code(), request.redirectUri(),
                request.codeVerifier()).assertSuccess();
        JWTClaimsSet claims = harness.idTokens().verify(tokens.idToken(), client);
        if (!Objects.equals(request.nonce(), claims.getClaim("nonce"))) {
            throw new AssertionError("ID token nonce does not equal the request's nonce");
        }
        return new Outcome(new CompletedFlow(request, authorization, response, tokens, claims), front);
    }
}
