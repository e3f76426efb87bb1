package id.satupintu.idp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.session.data.redis.config.ConfigureRedisAction;

import id.satupintu.idp.session.store.redis.RedisSsoSessions;
import id.satupintu.idp.testsupport.RealStores;

/**
 * The Redis session configuration against real Redis: by default it switches keyspace notifications
 * on itself; with {@code satupintu.session.redis.configure-keyspace-notifications=false} (managed
 * Redis that refuses {@code CONFIG}) it leaves Redis' configuration alone and still starts.
 */
class SsoSessionConfigurationTest {

    private final WebApplicationContextRunner contexts = new WebApplicationContextRunner()
            .withUserConfiguration(SsoSessionConfiguration.class)
            // a factory of the context's own: closing the context destroys it, the shared one must live on
            .withBean(RedisConnectionFactory.class,
                    () -> new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", RealStores.redisPort())))
            .withPropertyValues("spring.data.redis.host=127.0.0.1");

    private String original;

    @BeforeEach
    void noNotificationsConfigured() {
        original = notifyKeyspaceEvents();
        setNotifyKeyspaceEvents("");
    }

    @AfterEach
    void restore() {
        setNotifyKeyspaceEvents(original);
    }

    @Test
    void startupWhenDefaultThenServerEnablesKeyspaceNotificationsAndSsoSessionsAreRedis() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(SsoSessions.class).isInstanceOf(RedisSsoSessions.class);
            assertThat(context).doesNotHaveBean(ConfigureRedisAction.class);
            assertThat(notifyKeyspaceEvents()).contains("g").contains("x");
        });
    }

    @Test
    void startupWhenOperatorConfiguresNotificationsThenNoConfigCommandAndStillStarts() {
        contexts.withPropertyValues("satupintu.session.redis.configure-keyspace-notifications=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ConfigureRedisAction.class)).isSameAs(ConfigureRedisAction.NO_OP);
            assertThat(context).getBean(SsoSessions.class).isInstanceOf(RedisSsoSessions.class);
            assertThat(notifyKeyspaceEvents()).isEmpty();
        });
    }

    private static String notifyKeyspaceEvents() {
        try (RedisConnection connection = RealStores.redisConnections().getConnection()) {
            Properties config = connection.serverCommands().getConfig("notify-keyspace-events");
            return config == null ? "" : config.getProperty("notify-keyspace-events", "");
        }
    }

    private static void setNotifyKeyspaceEvents(String value) {
        try (RedisConnection connection = RealStores.redisConnections().getConnection()) {
            connection.serverCommands().setConfig("notify-keyspace-events", value == null ? "" : value);
        }
    }
}
