package id.satupintu.idp.agency.admin;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.UUID;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.ClientTokenPolicy;
import id.satupintu.idp.agency.InternalAgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Upserts the operator's bootstrap admin client at startup from {@code satupintu.admin.client-id}
 * and {@code satupintu.admin.client-secret} (environment {@code SATUPINTU_ADMIN_CLIENT_ID},
 * {@code SATUPINTU_ADMIN_CLIENT_SECRET}). It is a confidential {@code client_credentials} client of
 * the internal agency with the scopes that obtain an initial access token for dynamic registration
 * (RFC 7591 §3: {@code client.create}; Spring's configuration endpoint: {@code client.read}) and
 * administer agencies ({@code agency.admin}). Changing the environment's secret rotates it at the
 * next start. Only the secret's SHA-256 is stored.
 */
@Component
public class AdminClientBootstrap implements ApplicationRunner {

    public static final Set<String> SCOPES = Set.of("client.create", "client.read", "agency.admin");

    /** Below this an operator-chosen secret is guessable offline from its fast hash. */
    static final int RECOMMENDED_SECRET_LENGTH = 32;

    /** Characters that pass HTTP Basic client authentication unchanged (RFC 3986 unreserved). */
    private static final Pattern FORM_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

    private static final Logger LOG = LoggerFactory.getLogger(AdminClientBootstrap.class);

    private final String clientId;
    private final String clientSecret;
    private final AgencyStore agencies;
    private final RegisteredClientRepository clients;
    private final PasswordEncoder secretEncoder;

    public AdminClientBootstrap(@Value("${satupintu.admin.client-id:}") String clientId,
                                @Value("${satupintu.admin.client-secret:}") String clientSecret,
                                AgencyStore agencies, RegisteredClientRepository clients,
                                PasswordEncoder secretEncoder) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.agencies = agencies;
        this.clients = clients;
        this.secretEncoder = secretEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (clientId.isBlank()) {
            LOG.info("No bootstrap admin client configured (satupintu.admin.client-id is empty)");
            return;
        }
        if (clientSecret.isBlank()) {
            throw new IllegalStateException("satupintu.admin.client-id is set but satupintu.admin.client-secret is empty");
        }
        if (clientSecret.length() < RECOMMENDED_SECRET_LENGTH) {
            LOG.warn("The bootstrap admin client secret is shorter than {} characters; use a random value of"
                    + " at least 256 bits (e.g. openssl rand -hex 32)", RECOMMENDED_SECRET_LENGTH);
        }
        if (!FORM_SAFE.matcher(clientSecret).matches()) {
            LOG.warn("The bootstrap admin client secret contains characters that clients must form-urlencode in"
                    + " HTTP Basic (RFC 6749 §2.3.1; e.g. '+' is read as a space), which curl -u does not do;"
                    + " prefer a value like openssl rand -hex 32");
        }
        InternalAgency.ensureExists(agencies);
        try {
            upsert();
        } catch (DataIntegrityViolationException createdByAnotherNode) {
            // another node inserted it between our read and our insert: update that row instead
            upsert();
        }
    }

    private void upsert() {
        RegisteredClient existing = clients.findByClientId(clientId);
        clients.save(adminClient(existing == null ? UUID.randomUUID().toString() : existing.getId(), existing));
        LOG.info("Bootstrap admin client {} {} in agency {}", clientId, existing == null ? "created" : "updated",
                InternalAgency.CODE);
    }

    private RegisteredClient adminClient(String id, RegisteredClient existing) {
        RegisteredClient.Builder builder = RegisteredClient.withId(id)
                .clientId(clientId)
                .clientName("SatuPintu bootstrap admin")
                .clientSecret(secretEncoder.encode(clientSecret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(SCOPES))
                .clientSettings(ClientTokenPolicy.clientSettings(InternalAgency.CODE, false).build())
                .tokenSettings(ClientTokenPolicy.tokenSettings(ClientTokenPolicy.DEFAULT_ID_TOKEN_ALGORITHM));
        if (existing != null) {
            builder.clientIdIssuedAt(existing.getClientIdIssuedAt());
        }
        return builder.build();
    }
}
