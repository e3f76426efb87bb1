package id.satupintu.idp.agency.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class Sha256ClientSecretEncoderTest {

    private final Sha256ClientSecretEncoder encoder = new Sha256ClientSecretEncoder();
    private final ClientSecretGenerator generator = new ClientSecretGenerator();

    @Test
    void encodeWhenSecretGivenThenStoresOnlyFixedLengthDigest() {
        String secret = generator.newSecret();

        String encoded = encoder.encode(secret);

        assertThat(encoded).hasSize(Sha256ClientSecretEncoder.ENCODED_LENGTH)
                .isNotEqualTo(secret)
                .isEqualTo(encoder.encode(secret));
    }

    @Test
    void encodeWhenKnownInputThenStandardSha256() {
        // SHA-256("abc") from FIPS 180-2 appendix B.1, base64url without padding
        assertThat(encoder.encode("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }

    @Test
    void matchesWhenRightSecretThenTrue() {
        String secret = generator.newSecret();

        assertThat(encoder.matches(secret, encoder.encode(secret))).isTrue();
    }

    @Test
    void matchesWhenWrongSecretThenFalse() {
        String encoded = encoder.encode(generator.newSecret());

        assertThat(encoder.matches(generator.newSecret(), encoded)).isFalse();
        assertThat(encoder.matches("", encoded)).isFalse();
    }

    @Test
    void matchesWhenStoredValueDiffersInFirstOrLastCharacterThenFalse() {
        // the digests are compared whole (MessageDigest.isEqual, constant time), not up to a prefix
        String secret = generator.newSecret();
        String encoded = encoder.encode(secret);
        String firstChanged = flip(encoded, 0);
        String lastChanged = flip(encoded, encoded.length() - 2);

        assertThat(encoder.matches(secret, firstChanged)).isFalse();
        assertThat(encoder.matches(secret, lastChanged)).isFalse();
    }

    @Test
    void matchesWhenStoredValueIsClearTextOrMalformedThenFalse() {
        assertThat(encoder.matches("demo-portal-secret", "demo-portal-secret")).isFalse();
        assertThat(encoder.matches("x", null)).isFalse();
        assertThat(encoder.matches(null, encoder.encode("x"))).isFalse();
        assertThat(encoder.matches("x", "!".repeat(Sha256ClientSecretEncoder.ENCODED_LENGTH))).isFalse();
    }

    @Test
    void upgradeEncodingWhenAnyStoredValueThenNeverRehashes() {
        assertThat(encoder.upgradeEncoding(encoder.encode("x"))).isFalse();
    }

    @Test
    void newSecretWhenGeneratedThenHas256BitsUrlSafeAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = generator.newSecret();
            assertThat(secret).matches("[A-Za-z0-9_-]{43}");
            assertThat(java.util.Base64.getUrlDecoder().decode(secret)).hasSize(32);
            seen.add(secret);
        }
        assertThat(seen).hasSize(1000);
    }

    private static String flip(String s, int index) {
        char replacement = s.charAt(index) == 'A' ? 'B' : 'A';
        return s.substring(0, index) + replacement + s.substring(index + 1);
    }
}
