package id.satupintu.idp.saml.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.keys.TestSamlCredentials;
import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.binding.store.memory.MemoryPostedMessages;
import id.satupintu.idp.saml.binding.store.redis.RedisPostedMessages;
import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.saml.xml.TestSamlMessages;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;
import id.satupintu.idp.saml.xml.XmlSigner;
import id.satupintu.idp.testsupport.RealStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensaml.saml.saml2.core.AuthnRequest;

/** The rules every {@link PostedMessages} keeps, run against memory and a real Redis. */
class PostedMessagesContractTest {

    private static final SamlCredentials SP = TestSamlCredentials.shared();

    static Stream<PostedMessages> stores() {
        return Stream.of(new MemoryPostedMessages(Clock.systemUTC()), new RedisPostedMessages(RealStores.redisTemplate()));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void claimWhenParkedThenSameSignedMessageRelayStateAndBindingAndSignatureStillVerifies(PostedMessages store) {
        InboundMessage posted = postedSignedAuthnRequest("relay-1");

        InboundMessage claimed = store.claim(store.park(posted)).orElseThrow();

        assertThat(claimed.binding()).isEqualTo(SamlBinding.POST);
        assertThat(claimed.relayState()).isEqualTo("relay-1");
        assertThat(claimed.redirectSignature()).isNull();
        assertThat(((AuthnRequest) claimed.message()).getID()).isEqualTo(((AuthnRequest) posted.message()).getID());
        assertThat(claimed.message().getDOM()).isNotNull();
        new XmlSignatureVerifier().verifyEnveloped(claimed.message(), List.of(SP.signing().orElseThrow().certificate()));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void claimWhenRedirectMessageWithQuerySignatureThenSignatureKept(PostedMessages store) {
        RedirectSignedQuery signature = new RedirectSignedQuery("urn:alg", new byte[] {1, 2, 3}, "a=b".getBytes());
        InboundMessage parked = new InboundMessage(TestSamlMessages.reparse(OpenSaml.toXml(TestSamlMessages.authnRequest())),
                SamlBinding.REDIRECT, null, signature);

        InboundMessage claimed = store.claim(store.park(parked)).orElseThrow();

        assertThat(claimed.binding()).isEqualTo(SamlBinding.REDIRECT);
        assertThat(claimed.relayState()).isNull();
        assertThat(claimed.redirectSignature().sigAlg()).isEqualTo("urn:alg");
        assertThat(claimed.redirectSignature().signature()).containsExactly(1, 2, 3);
        assertThat(claimed.redirectSignature().signedOctets()).isEqualTo("a=b".getBytes());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void claimWhenClaimedBeforeThenEmpty(PostedMessages store) {
        String handle = store.park(postedSignedAuthnRequest(null));
        store.claim(handle);

        assertThat(store.claim(handle)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void claimWhenHandleUnknownOrMalformedThenEmpty(PostedMessages store) {
        assertThat(store.claim(PostedMessageCodec.newHandle())).isEmpty();
        assertThat(store.claim("not-a-handle")).isEmpty();
        assertThat(store.claim(null)).isEmpty();
        assertThat(store.claim("x".repeat(10_000))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void parkWhenCalledThenRandomHandlesOfAtLeast128Bits(PostedMessages store) {
        InboundMessage message = postedSignedAuthnRequest(null);
        Set<String> handles = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String handle = store.park(message);
            assertThat(handle).matches("[A-Za-z0-9_-]{43}");
            handles.add(handle);
        }

        assertThat(handles).hasSize(20);
        assertThat(java.util.Base64.getUrlDecoder().decode(handles.iterator().next())).hasSize(32);
    }

    @Test
    void claimWhenMemoryMessageOlderThanFiveMinutesThenEmpty() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:00:00Z"));
        MemoryPostedMessages store = new MemoryPostedMessages(clock);
        String expired = store.park(postedSignedAuthnRequest(null));
        String fresh = store.park(postedSignedAuthnRequest(null));

        clock.now = clock.now.plus(PostedMessages.TIME_TO_LIVE).minusSeconds(1);
        assertThat(store.claim(fresh)).isPresent();
        clock.now = clock.now.plusSeconds(1);

        assertThat(store.claim(expired)).isEmpty();
    }

    @Test
    void parkWhenRedisThenKeyIsHashOfHandleInNamespaceWithTtlOfFiveMinutes() {
        var redis = RealStores.redisTemplate();
        String handle = new RedisPostedMessages(redis).park(postedSignedAuthnRequest(null));

        String key = RedisPostedMessages.PREFIX + id.satupintu.idp.store.Sha256.base64Url(handle);
        assertThat(redis.hasKey(key)).isTrue();
        assertThat(redis.keys(RedisPostedMessages.PREFIX + "*")).noneMatch(k -> k.contains(handle));
        Long ttl = redis.getExpire(key);
        assertThat(ttl).isNotNull().isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5).toSeconds());
    }

    @Test
    void claimWhenStoredFormDamagedThenEmpty() {
        assertThat(PostedMessageCodec.decode("garbage")).isEmpty();
        assertThat(PostedMessageCodec.decode("UE9TVA.-.PHg-.-.-.-")).isEmpty();
    }

    private static InboundMessage postedSignedAuthnRequest(String relayState) {
        AuthnRequest request = TestSamlMessages.authnRequest();
        new XmlSigner(SP).sign(request);
        return new InboundMessage(TestSamlMessages.reparse(OpenSaml.toXml(request)), SamlBinding.POST, relayState, null);
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
