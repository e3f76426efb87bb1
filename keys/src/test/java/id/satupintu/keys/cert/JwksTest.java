package id.satupintu.keys.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.ManagedKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JwksTest {

    private final TestManagedKeys keys = new TestManagedKeys();

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void publicJwkSetWhenKeyWithoutChainThenKidAlgUseAndNoX5c(KeyAlgorithm algorithm) {
        ManagedKey key = keys.generate(algorithm);

        JWK jwk = Jwks.publicJwkSet(List.of(key)).getKeyByKeyId(key.kid());

        assertThat(jwk.getAlgorithm().getName()).isEqualTo(algorithm.joseName());
        assertThat(jwk.getKeyUse()).isEqualTo(algorithm == KeyAlgorithm.RSA_OAEP_256 ? KeyUse.ENCRYPTION : KeyUse.SIGNATURE);
        assertThat(jwk.getX509CertChain()).isNull();
        assertThat(jwk.isPrivate()).isFalse();
        assertThat(jwk.getKeyType()).isEqualTo(switch (algorithm.family()) {
            case RSA -> KeyType.RSA;
            case EC -> KeyType.EC;
            case OKP -> KeyType.OKP;
        });
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void publicJwkSetWhenKeyHasChainThenX5cIsTheDerChainLeafFirst(KeyAlgorithm algorithm) throws Exception {
        ManagedKey bare = keys.generate(algorithm);
        X509Certificate certificate = Certificates.selfSigned(bare, keys.privateKey(bare), "CN=jwks", Duration.ofDays(1));
        ManagedKey key = bare.withCertificateChain(List.of(certificate));

        JWK jwk = Jwks.publicJwk(key);

        assertThat(jwk.getX509CertChain()).hasSize(1);
        assertThat(jwk.getX509CertChain().get(0).decode()).isEqualTo(certificate.getEncoded());
        assertThat(jwk.getParsedX509CertChain().get(0)).isEqualTo(certificate);
    }

    @Test
    void publicJwkSetWhenEachFamilyThenPublicParametersMatchTheKey() throws Exception {
        ManagedKey rsa = keys.generate(KeyAlgorithm.PS256);
        ManagedKey ec = keys.generate(KeyAlgorithm.ES256);
        ManagedKey ed = keys.generate(KeyAlgorithm.EDDSA);

        JWKSet set = Jwks.publicJwkSet(List.of(rsa, ec, ed));

        assertThat(((RSAKey) set.getKeyByKeyId(rsa.kid())).toRSAPublicKey()).isEqualTo(rsa.publicKey());
        ECKey ecJwk = (ECKey) set.getKeyByKeyId(ec.kid());
        assertThat(ecJwk.getCurve()).isEqualTo(Curve.P_256);
        assertThat(ecJwk.toECPublicKey().getEncoded()).isEqualTo(ec.publicKey().getEncoded());
        OctetKeyPair okp = (OctetKeyPair) set.getKeyByKeyId(ed.kid());
        assertThat(okp.getCurve()).isEqualTo(Curve.Ed25519);
        assertThat(okp.getDecodedX()).hasSize(32);
        byte[] encoded = ed.publicKey().getEncoded();
        assertThat(okp.getDecodedX()).isEqualTo(java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    @Test
    void publicJwkSetWhenDestroyedKeyThenLeftOutAndJsonHasNoPrivateParameters() {
        ManagedKey kept = keys.generate(KeyAlgorithm.RS256);
        ManagedKey destroyed = keys.generate(KeyAlgorithm.RS256).destroyed(Instant.now());

        JWKSet set = Jwks.publicJwkSet(List.of(kept, destroyed));

        assertThat(set.getKeys()).extracting(JWK::getKeyID).containsExactly(kept.kid());
        Map<String, Object> json = set.toJSONObject();
        assertThat(json.toString()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    }
}
