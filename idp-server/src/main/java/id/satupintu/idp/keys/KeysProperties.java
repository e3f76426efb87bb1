package id.satupintu.idp.keys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import id.satupintu.keys.KeyAlgorithm;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Managed keys ({@code satupintu.keys.*}); see README.md "Keys".
 *
 * @param kekFile the key-encryption key file; the {@code SATUPINTU_KEK} environment variable wins
 *        when set. Without either, the quickstart (demo data on) generates {@code <data-dir>/keys/kek}.
 * @param activeLifetime how long a key signs before its successor takes over
 * @param publishLead how long a successor is in the JWKS before it signs; at least
 *        {@code satupintu.jwks-max-age}, so no relying party with a cached JWKS meets an unknown kid
 * @param retiredLifetime how long a retired key stays in the JWKS; at least the longest token lifetime
 * @param oidcAlgorithms the ID-token and access-token signing algorithms kept in rotation
 *        ({@code EdDSA} opt-in: not every relying-party library verifies it)
 * @param maintenanceInterval how often one node of the cluster runs the rotation step
 * @param pollInterval how often every node checks whether the key ring changed (one-row read);
 *        with Redis a change also reaches every node at once through {@value KeyChangeNotifier#CHANNEL}
 * @param samlEnabled whether the SAML signing and encryption rings are kept (same rotation policy as OIDC)
 * @param samlSigningAlgorithm {@code RS256} (XML-DSig rsa-sha256) or {@code PS256}
 * @param samlSigningKeySize RSA modulus bits of SAML signing keys (2048 or 3072)
 * @param samlEncryptionKeySize RSA modulus bits of SAML encryption (RSA-OAEP) keys (2048 or 3072)
 * @param previousKekFiles key-encryption keys that may still wrap some private keys while a KEK
 *        rotation rolls out (the CLI's {@code kek rewrap}, then every node restarted with the new
 *        KEK); read only, new keys are always wrapped under the current KEK
 */
@ConfigurationProperties("satupintu.keys")
public record KeysProperties(
        Path kekFile,
        @DefaultValue("90d") Duration activeLifetime,
        @DefaultValue("2d") Duration publishLead,
        @DefaultValue("1d") Duration retiredLifetime,
        @DefaultValue({"RS256", "PS256", "ES256"}) List<String> oidcAlgorithms,
        @DefaultValue("1m") Duration maintenanceInterval,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("true") boolean samlEnabled,
        @DefaultValue("RS256") String samlSigningAlgorithm,
        @DefaultValue("3072") int samlSigningKeySize,
        @DefaultValue("3072") int samlEncryptionKeySize,
        @DefaultValue List<Path> previousKekFiles) {

    /** @return the SAML rings kept in rotation: none when {@code saml-enabled} is false */
    public java.util.Map<id.satupintu.keys.KeyPurpose, List<id.satupintu.keys.KeySpec>> samlKeySpecs() {
        if (!samlEnabled) {
            return java.util.Map.of();
        }
        KeyAlgorithm signing = KeyAlgorithm.fromJoseName(samlSigningAlgorithm.strip());
        if (signing.family() != KeyAlgorithm.KeyFamily.RSA || signing.use() != KeyAlgorithm.KeyUse.SIGNATURE) {
            throw new IllegalStateException("satupintu.keys.saml-signing-algorithm must be RS256 or PS256, not "
                    + samlSigningAlgorithm);
        }
        return java.util.Map.of(
                id.satupintu.keys.KeyPurpose.SAML_SIGNING,
                List.of(new id.satupintu.keys.KeySpec(signing, samlSigningKeySize)),
                id.satupintu.keys.KeyPurpose.SAML_ENCRYPTION,
                List.of(new id.satupintu.keys.KeySpec(KeyAlgorithm.RSA_OAEP_256, samlEncryptionKeySize)));
    }

    public List<KeyAlgorithm> oidcKeyAlgorithms() {
        List<KeyAlgorithm> algorithms = oidcAlgorithms.stream().map(String::strip).map(KeyAlgorithm::fromJoseName).toList();
        algorithms.stream().filter(a -> a.use() != KeyAlgorithm.KeyUse.SIGNATURE).findFirst().ifPresent(a -> {
            throw new IllegalStateException("satupintu.keys.oidc-algorithms: " + a.joseName() + " does not sign");
        });
        for (id.satupintu.keys.SigningAlgorithm offered : id.satupintu.keys.SigningAlgorithm.values()) {
            if (!algorithms.contains(KeyAlgorithm.fromJoseName(offered.name()))) {
                throw new IllegalStateException("satupintu.keys.oidc-algorithms must include " + offered.name()
                        + ": discovery offers it and clients may register it as id_token_signed_response_alg");
            }
        }
        return algorithms;
    }
}
