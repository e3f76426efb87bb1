package id.satupintu.conformance.harness;

/**
 * Everything a test needs to act as relying parties and a citizen's browser against the one
 * running server, built once per JVM.
 */
public record Harness(ConformanceServer server, Discovery discovery, TestClients clients, Authorizer authorizer,
                      TokenEndpoint tokens, IdTokens idTokens, UserInfoEndpoint userInfo, CodeFlow codeFlow) {

    private static Harness instance;

    public static synchronized Harness get() {
        if (instance == null) {
            ConformanceServer server = ConformanceServer.get();
            Discovery discovery = Discovery.fetch(server.issuer());
            Authorizer authorizer = new Authorizer(discovery);
            TokenEndpoint tokens = new TokenEndpoint(discovery);
            IdTokens idTokens = new IdTokens(discovery);
            instance = new Harness(server, discovery,
                    new TestClients(discovery, ConformanceServer.ADMIN_CLIENT_ID, server.adminClientSecret(), server.issuer()),
                    authorizer, tokens, idTokens, new UserInfoEndpoint(discovery),
                    new CodeFlow(discovery, authorizer, tokens, idTokens));
        }
        return instance;
    }

    public Browser newBrowser() {
        return new Browser(server.issuer());
    }

    public AuthorizationRequest request(TestClient client) {
        return AuthorizationRequest.codeFlow(discovery.authorizationEndpoint(), client);
    }
}
