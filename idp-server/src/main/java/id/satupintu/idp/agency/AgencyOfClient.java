package id.satupintu.idp.agency;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Every relying party belongs to an agency; the agency is the sector of pairwise subject
 * identifiers (OIDC Core §8.1). It travels with the {@link RegisteredClient} as a client setting.
 */
public final class AgencyOfClient {

    /** Client-setting name holding the owning agency's code. */
    public static final String SETTING = "satupintu.agency";

    private AgencyOfClient() {
    }

    /** @return the owning agency's code; never null for a client loaded from the agency store */
    public static String of(RegisteredClient client) {
        String agency = client.getClientSettings().getSetting(SETTING);
        if (agency == null) {
            throw new IllegalStateException("client " + client.getClientId() + " has no agency");
        }
        return agency;
    }
}
