package id.satupintu.idp.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitizenPasswordHasherTest {

    private final CitizenPasswordHasher hasher = new CitizenPasswordHasher();

    @Test
    void hashWhenCalledThenArgon2idWithOwaspParameters() {
        String hash = hasher.hash("rahasia-warga");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        // base64 without padding: 16-byte salt is 22 characters, 32-byte hash 43
        String[] parts = hash.split("\\$");
        assertThat(parts[4]).hasSize(22);
        assertThat(parts[5]).hasSize(43);
    }

    @Test
    void hashWhenSamePasswordTwiceThenDifferentSalts() {
        assertThat(hasher.hash("rahasia-warga")).isNotEqualTo(hasher.hash("rahasia-warga"));
    }

    @Test
    void matchesWhenRightPasswordThenTrue() {
        assertThat(hasher.matches("rahasia-warga", hasher.hash("rahasia-warga"))).isTrue();
    }

    @Test
    void matchesWhenWrongPasswordThenFalse() {
        assertThat(hasher.matches("rahasia-wargA", hasher.hash("rahasia-warga"))).isFalse();
    }

    @Test
    void matchesWhenNoHashThenFalse() {
        assertThat(hasher.matches("satupintu-no-such-account", null)).isFalse();
        assertThat(hasher.matchesNoAccount("satupintu-no-such-account")).isFalse();
    }
}
