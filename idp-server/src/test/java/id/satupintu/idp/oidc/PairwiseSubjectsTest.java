package id.satupintu.idp.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PairwiseSubjectsTest {

    private static final UUID CITIZEN = UUID.fromString("6f1c2a9e-5d3b-4c1a-9e8f-1a2b3c4d5e6f");

    private final PairwiseSubjects subjects = new PairwiseSubjects(salt((byte) 1));

    @Test
    void subjectForWhenSameAgencyThenSameValue() {
        assertThat(subjects.subjectFor("dukcapil", CITIZEN)).isEqualTo(subjects.subjectFor("dukcapil", CITIZEN));
    }

    @Test
    void subjectForWhenDifferentAgenciesThenDifferentValues() {
        assertThat(subjects.subjectFor("dukcapil", CITIZEN)).isNotEqualTo(subjects.subjectFor("pajak", CITIZEN));
    }

    @Test
    void subjectForWhenDifferentSaltThenDifferentValue() {
        PairwiseSubjects otherDeployment = new PairwiseSubjects(salt((byte) 2));

        assertThat(otherDeployment.subjectFor("dukcapil", CITIZEN)).isNotEqualTo(subjects.subjectFor("dukcapil", CITIZEN));
    }

    @Test
    void subjectForWhenComputedThenRevealsNeitherAccountIdNorAgency() {
        String sub = subjects.subjectFor("dukcapil", CITIZEN);

        assertThat(sub).doesNotContain(CITIZEN.toString()).doesNotContain("dukcapil").hasSize(43)
                .matches("[A-Za-z0-9_-]+");
    }

    @Test
    void subjectForWhenSectorAndIdShiftCharactersThenNoCollision() {
        // the separator keeps "ab"+"c..." and "a"+"bc..." apart
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertThat(subjects.subjectFor("ab", id)).isNotEqualTo(subjects.subjectFor("a", id));
    }

    @Test
    void constructorWhenSaltShorterThan256BitsThenRejected() {
        assertThatThrownBy(() -> new PairwiseSubjects(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] salt(byte value) {
        byte[] salt = new byte[32];
        Arrays.fill(salt, value);
        return salt;
    }
}
