package id.satupintu.idp.oidc.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import id.satupintu.idp.oidc.grant.store.redis.RedisEphemeralAuthorizationStore;
import id.satupintu.idp.testsupport.RealStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The authorization service on production storage: real PostgreSQL and real Redis. */
class HashingOAuth2AuthorizationServicePostgresRedisTest extends HashingOAuth2AuthorizationServiceContract {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @Autowired
    private StringRedisTemplate redis;

    /** Every value under the authorization's keys: its record, and each index entry that points at it. */
    @Override
    protected List<byte[]> rawEphemeralValues(String authorizationId) {
        List<byte[]> raw = new ArrayList<>();
        for (String key : allGrantKeys()) {
            if (redis.type(key) == DataType.STRING) {
                String value = redis.opsForValue().get(key);
                if (key.endsWith(authorizationId) || authorizationId.equals(value)) {
                    raw.add(value.getBytes(StandardCharsets.ISO_8859_1));
                    raw.add(key.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return raw;
    }

    @Test
    void ephemeralStoreWhenRedisConfiguredThenRedisAndDatabaseIsPostgres() {
        assertThat(ephemeral).isInstanceOf(RedisEphemeralAuthorizationStore.class);
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    }

    @Test
    void saveWhenWholeFlowStoredThenEveryRedisKeyHasTimeToLive() {
        OAuth2Authorization awaiting = TestAuthorizations.awaitingConsent(TestRegisteredClients.relyingParty(),
                TestAuthorizations.citizen());
        service.save(awaiting);
        OAuth2Authorization grant = saveExchangedGrant();
        rotate(grant);
        service.save(TestAuthorizations.clientCredentials(TestRegisteredClients.service()));

        List<String> keys = allGrantKeys();

        assertThat(keys).anyMatch(k -> k.equals("satupintu:authz:id:" + grant.getId()))
                .anyMatch(k -> k.equals("satupintu:authz:id:" + awaiting.getId()))
                .anyMatch(k -> k.startsWith("satupintu:authz:citizen:"));
        for (String key : keys) {
            assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).as("TTL of %s", key).isPositive();
        }
    }

    @Test
    void saveWhenClientCredentialsThenRecordLivesAsLongAsTheAccessToken() {
        OAuth2Authorization authorization = TestAuthorizations.clientCredentials(TestRegisteredClients.service());

        service.save(authorization);

        long ttlSeconds = redis.getExpire("satupintu:authz:id:" + authorization.getId(), TimeUnit.SECONDS);
        long accessLifetime = authorization.getAccessToken().getToken().getExpiresAt().getEpochSecond()
                - java.time.Instant.now().getEpochSecond();
        assertThat(ttlSeconds).isBetween(accessLifetime - 5, accessLifetime + 1);
        assertThat(redis.hasKey("satupintu:authz:token:"
                + TokenHash.of(authorization.getAccessToken().getToken().getTokenValue()).value())).isTrue();
        assertThat(redis.hasKey("satupintu:authz:token:"
                + authorization.getAccessToken().getToken().getTokenValue())).isFalse();
    }

    private List<String> allGrantKeys() {
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match("satupintu:authz:*").count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        return keys;
    }
}
