package id.satupintu.idp.agency;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * A client's inline JWK Set ({@code jwks}, OIDC Dynamic Client Registration 1.0 §2), kept as its JSON
 * text in a client setting. Spring's {@code private_key_jwt} verification only reads
 * {@code jwkSetUrl}; a client-assertion decoder that also honours this setting reads it from here.
 */
public final class InlineClientJwks {

    /** Client-setting name holding the JWK Set JSON text. */
    public static final String SETTING = "satupintu.jwks";

    private InlineClientJwks() {
    }

    /** @return the JWK Set JSON text, or null when the client registered none */
    public static String of(RegisteredClient client) {
        return client.getClientSettings().getSetting(SETTING);
    }
}
