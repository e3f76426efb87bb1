package id.satupintu.idp.citizen.registrysync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStatus;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.login.CitizenWebTestSupport;
import id.satupintu.idp.citizen.login.MockBrowser;
import id.satupintu.idp.citizen.registrysync.CitizenTokenFlow.Tokens;
import id.satupintu.idp.oidc.ActiveCitizenTokenGuard;
import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryEventType;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.embedded.EmbeddedRegistry;
import id.satupintu.idp.registry.embedded.FixedRecords;
import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.session.LevelOfAssurance;
import id.satupintu.idp.testsupport.RealStores;

/**
 * Registry change events through the whole server on real PostgreSQL and Redis: a citizen signs in
 * and obtains tokens through the real authorization-code flow, the registry announces a change on its
 * feed, and the server's endpoints answer accordingly. Each test has a person of its own, in a
 * registry of its own whose feed reaches the server's {@link RegistryEventReceiver}; the demo citizens
 * are never touched.
 */
class RegistryEventsEndToEndTest extends CitizenWebTestSupport {

    private static final String PASSWORD = "kata-sandi-peristiwa-registri";
    private static final LocalDate DIED = LocalDate.of(2026, 11, 26);
    private static String passwordHash;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private CitizenStore citizens;
    @Autowired
    private CitizenPasswordHasher hasher;
    @Autowired
    private AuditLog audit;
    @Autowired
    private RegistryEventReceiver receiver;
    @Autowired
    private EmbeddedRegistry serverRegistry;
    @Autowired
    private RegisteredClientRepository clients;
    @Autowired
    private PasswordEncoder clientSecrets;
    @Autowired
    private MeterRegistry meters;

    private CitizenTokenFlow flow;
    private RegistryRecord person;
    private Citizen account;
    private EmbeddedRegistry registry;

    @BeforeEach
    void personWithAccountInRegistryOfTheirOwn() {
        if (passwordHash == null) {
            passwordHash = hasher.hash(PASSWORD);
        }
        flow = new CitizenTokenFlow(mvc, clients, clientSecrets);
        person = TestRegistryRecords.fresh();
        account = TestRegistryRecords.accountOf(person, passwordHash);
        citizens.save(account);
        registry = new EmbeddedRegistry(new FixedRecords(List.of(person)), Clock.systemUTC());
        registry.subscribe(receiver);
    }

    private Citizen stored() {
        return citizens.findById(account.id()).orElseThrow();
    }

    private List<AuditEvent> auditOf(String type) {
        return audit.recent(type, 500).stream().filter(e -> account.id().equals(e.citizenId())).toList();
    }

    private static String error(MvcResult result) throws Exception {
        return (String) CitizenTokenFlow.json(result).get("error");
    }

    @Test
    void deathWhenCitizenSignedInWithTokensThenEverythingEndsAtOnceAndAudited() throws Exception {
        Tokens tokens = flow.signInAndObtainTokens(person.nik(), PASSWORD);
        assertThat(flow.introspect(tokens.accessToken())).containsEntry("active", true);

        registry.recordDeath(person.nik(), DIED);

        assertThat(stored().status()).isEqualTo(CitizenStatus.DECEASED);
        assertThat(flow.authorize(tokens.browser())).as("the SSO session no longer authorizes").isNull();
        assertThat(tokens.browser().perform(get("/")).getResponse().getContentAsString())
                .doesNotContain("Anda sudah masuk sebagai");
        assertThat(CitizenTokenFlow.signIn(flow.browser(), person.nik(), PASSWORD)).isEqualTo("/login?error");
        assertThat(flow.introspect(tokens.accessToken())).containsEntry("active", false);
        assertThat(flow.introspect(tokens.refreshToken())).containsEntry("active", false);
        MvcResult refresh = flow.refresh(tokens.refreshToken());
        assertThat(refresh.getResponse().getStatus()).isEqualTo(400);
        assertThat(error(refresh)).isEqualTo("invalid_grant");
        assertThat(flow.userInfo(tokens.accessToken()).getResponse().getStatus()).isEqualTo(401);
        assertThat(auditOf(AccessTermination.DEATH_APPLIED_EVENT)).singleElement().satisfies(e -> {
            assertThat(e.detail()).containsEntry("nik", person.nik().masked()).containsEntry("sessions_ended", "1")
                    .containsEntry("grants_revoked", "1");
            assertThat(e.detail().toString()).doesNotContain(person.nik().value());
        });
        assertThat(auditOf("login.failed")).anySatisfy(e -> assertThat(e.detail()).containsEntry("reason", "account_disabled"));
    }

    /**
     * Stateless nodes: a session another node signed the citizen in to lives only in the shared Redis,
     * under the same namespace; this node's death handling finds and ends it there.
     */
    @Test
    void deathWhenSignedInOnAnotherNodeThenThatSessionEndsToo() {
        RedisIndexedSessionRepository otherNode = otherNodeSessions();
        RedisIndexedSessionRepository.RedisSession session = otherNode.createSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                new CitizenAuthenticationToken(new AuthenticatedCitizen(account.id(), Instant.now(),
                        LevelOfAssurance.LOA2.uri(), List.of("pwd")))));
        otherNode.save(session);
        assertThat(otherNode.findById(session.getId())).isNotNull();

        registry.recordDeath(person.nik(), DIED);

        assertThat(otherNode.findById(session.getId())).isNull();
    }

    /** Spring Session's repository as another node builds it: same Redis, same namespace. */
    private static RedisIndexedSessionRepository otherNodeSessions() {
        RedisTemplate<String, Object> template = new RedisTemplate<>();
        template.setConnectionFactory(RealStores.redisConnections());
        template.setKeySerializer(RedisSerializer.string());
        template.setHashKeySerializer(RedisSerializer.string());
        template.afterPropertiesSet();
        RedisIndexedSessionRepository repository = new RedisIndexedSessionRepository(template);
        repository.setRedisKeyNamespace("satupintu:session");
        repository.setCleanupCron(Scheduled.CRON_DISABLED);
        return repository;
    }

    @Test
    void deathWhenDeliveredAgainThenNothingMoreHappens() throws Exception {
        flow.signInAndObtainTokens(person.nik(), PASSWORD);
        RegistryEvent death = registry.recordDeath(person.nik(), DIED);

        registry.publish(death);

        assertThat(stored().status()).isEqualTo(CitizenStatus.DECEASED);
        assertThat(auditOf(AccessTermination.DEATH_APPLIED_EVENT)).hasSize(1);
    }

    @Test
    void deathWhenSignedInOnTwoBrowsersThenBothSessionsEnd() throws Exception {
        Tokens phone = flow.signInAndObtainTokens(person.nik(), PASSWORD);
        Tokens laptop = flow.signInAndObtainTokens(person.nik(), PASSWORD);

        registry.recordDeath(person.nik(), DIED);

        assertThat(flow.authorize(phone.browser())).isNull();
        assertThat(flow.authorize(laptop.browser())).isNull();
        assertThat(auditOf(AccessTermination.DEATH_APPLIED_EVENT)).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("sessions_ended", "2").containsEntry("grants_revoked", "2"));
    }

    @Test
    void nameChangeWhenAppliedThenNextIdTokenAndUserinfoShowNewName() throws Exception {
        Tokens tokens = flow.signInAndObtainTokens(person.nik(), PASSWORD);
        assertThat(CitizenTokenFlow.json(flow.userInfo(tokens.accessToken()))).containsEntry("name", "Agung Prasetyo");

        registry.changeName(person.nik(), "AGUNG PRASETYO WIBOWO");

        Map<String, Object> refreshed = CitizenTokenFlow.tokenResponse(flow.refresh(tokens.refreshToken()));
        Map<String, Object> userInfo = CitizenTokenFlow.json(flow.userInfo((String) refreshed.get("access_token")));
        assertThat(userInfo).containsEntry("name", "Agung Prasetyo Wibowo").containsEntry("family_name", "Wibowo");
        Map<String, Object> idToken = CitizenTokenFlow.claimsOf((String) refreshed.get("id_token"));
        assertThat(idToken.getOrDefault("name", "Agung Prasetyo Wibowo"))
                .as("an ID token that carries the name carries the new one").isEqualTo("Agung Prasetyo Wibowo");
        assertThat(stored().status()).isEqualTo(CitizenStatus.ACTIVE);
        assertThat(flow.authorize(tokens.browser())).as("a name change ends no session").isNotNull();
    }

    @Test
    void addressChangeWhenAppliedThenAddressClaimShowsNewAddress() throws Exception {
        Tokens tokens = flow.signInAndObtainTokens(person.nik(), PASSWORD);

        registry.changeAddress(person.nik(), TestRegistryRecords.surabaya());

        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) CitizenTokenFlow.json(flow.userInfo(tokens.accessToken()))
                .get("address");
        assertThat(address.toString()).contains("Jl. Tunjungan No. 7").contains("60275").doesNotContain("Setiabudi");
    }

    @Test
    void familyChangeWhenAppliedThenStoredFamilyCardUpdatedAndCountedInServerMetrics() {
        double before = count("family_change", "applied");

        registry.changeFamily(person.nik(), "3273012006100777", MaritalStatus.MARRIED);

        assertThat(stored().verification().familyCardNumber()).isEqualTo("3273012006100777");
        assertThat(stored().verification().registryVersion()).isEqualTo(2);
        assertThat(count("family_change", "applied")).isEqualTo(before + 1);
    }

    private double count(String type, String outcome) {
        Counter counter = meters.find("satupintu.registry.events").tag("type", type).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void olderEventWhenDeliveredAfterNewerThenNoRegression() {
        RegistryEvent first = registry.changeName(person.nik(), "AGUNG SATU");
        registry.changeName(person.nik(), "AGUNG DUA");

        registry.publish(first);
        registry.publish(first);

        assertThat(stored().fullName()).isEqualTo("AGUNG DUA");
        assertThat(stored().verification().registryVersion()).isEqualTo(3);
    }

    @Test
    void eventWhenNoAccountHasTheNikThenIgnored() {
        RegistryRecord stranger = TestRegistryRecords.fresh();

        receiver.onEvent(new RegistryEvent(UUID.randomUUID().toString(), RegistryEventType.DEATH,
                stranger.withDeath(DIED, 2, Instant.now()), Instant.now()));

        assertThat(citizens.findByNik(stranger.nik())).isEmpty();
        assertThat(stored().status()).isEqualTo(CitizenStatus.ACTIVE);
    }

    @Test
    void serverRegistryWhenItPublishesThenReceiverSubscribedAtStartupApplies() {
        serverRegistry.publish(new RegistryEvent(UUID.randomUUID().toString(), RegistryEventType.NAME_CHANGE,
                person.withFullName("AGUNG DARI FEED", 2, Instant.now()), Instant.now()));

        assertThat(stored().fullName()).isEqualTo("AGUNG DARI FEED");
    }

    @Test
    void codeExchangeWhenAccountDeceasedAfterCodeIssuedThenInvalidGrantAndAudited() throws Exception {
        MockBrowser browser = flow.browser();
        CitizenTokenFlow.signIn(browser, person.nik(), PASSWORD);
        String code = flow.authorize(browser);
        // the death is stored but its revocation has not run yet: the race the guard closes
        citizens.save(stored().withStatus(CitizenStatus.DECEASED, Instant.now()));

        MvcResult exchange = flow.exchange(code);

        assertThat(exchange.getResponse().getStatus()).isEqualTo(400);
        assertThat(error(exchange)).isEqualTo("invalid_grant");
        assertThat(auditOf(ActiveCitizenTokenGuard.REFUSED_EVENT)).singleElement().satisfies(e -> {
            assertThat(e.clientId()).isEqualTo(flow.clientId());
            assertThat(e.detail()).containsEntry("reason", "account_inactive");
        });
    }

    @Test
    void refreshWhenAccountDeceasedButGrantNotYetRevokedThenInvalidGrantAndTokensRevoked() throws Exception {
        Tokens tokens = flow.signInAndObtainTokens(person.nik(), PASSWORD);
        citizens.save(stored().withStatus(CitizenStatus.DECEASED, Instant.now()));

        MvcResult refresh = flow.refresh(tokens.refreshToken());

        assertThat(refresh.getResponse().getStatus()).isEqualTo(400);
        assertThat(error(refresh)).isEqualTo("invalid_grant");
        assertThat(flow.introspect(tokens.accessToken())).containsEntry("active", false);
        assertThat(auditOf(ActiveCitizenTokenGuard.REFUSED_EVENT)).hasSize(1);
    }

    @Test
    void codeExchangeWhenAccountActiveThenTokensIssuedAsBefore() throws Exception {
        Tokens tokens = flow.signInAndObtainTokens(person.nik(), PASSWORD);

        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(CitizenTokenFlow.tokenResponse(flow.refresh(tokens.refreshToken()))).containsKey("access_token");
        assertThat(auditOf(ActiveCitizenTokenGuard.REFUSED_EVENT)).isEmpty();
    }
}
