package id.satupintu.idp.keys;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import id.satupintu.keys.KeyManager;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeyRingStore;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.RotationPolicy;
import id.satupintu.keys.cert.Certificates;
import id.satupintu.keys.cert.SubjectNames;

/**
 * Gives every SAML key that has no certificate yet a self-signed one, in the same maintenance step
 * that generated it: SAML publishes keys as X.509 certificates in metadata, so a SAML key without
 * one is of no use. Valid for the key's whole published life (NEXT, ACTIVE, RETIRED) plus a margin.
 * A certificate imported later (a CA answered a CSR, see {@code keys cert import}) replaces it;
 * keys that already have a chain are never touched.
 */
public final class SamlCertificateIssuer {

    /** Beyond the key's published life, so a slow rotation never leaves an expired certificate in metadata. */
    static final Duration MARGIN = Duration.ofDays(30);

    private final KeyManager manager;
    private final KeyRingStore store;
    private final String host;
    private final Duration validity;
    private final Clock clock;

    /** @param issuer the issuer URL; its host names the certificates ({@code CN=<host> SAML signing, O=SatuPintu}) */
    public SamlCertificateIssuer(KeyManager manager, KeyRingStore store, String issuer, RotationPolicy policy, Clock clock) {
        this.manager = manager;
        this.store = store;
        this.host = hostOf(issuer);
        this.validity = policy.activeLifetime().plus(policy.publishLead()).plus(policy.retiredLifetime()).plus(MARGIN);
        this.clock = clock;
    }

    /** @return the keys that were given a certificate now */
    public List<ManagedKey> issueMissing() {
        List<ManagedKey> issued = new ArrayList<>();
        for (ManagedKey key : manager.snapshot().all()) {
            if (key.purpose() == KeyPurpose.OIDC_SIGNING || key.state() == KeyState.DESTROYED
                    || !key.certificateChain().isEmpty()) {
                continue;
            }
            X509Certificate certificate = Certificates.selfSigned(key, manager.privateKey(key),
                    SubjectNames.parse(subject(key.purpose())), validity, clock);
            store.setCertificateChain(key.kid(), List.of(certificate));
            issued.add(key.withCertificateChain(List.of(certificate)));
        }
        return issued;
    }

    String subject(KeyPurpose purpose) {
        String use = purpose == KeyPurpose.SAML_SIGNING ? "SAML signing" : "SAML encryption";
        return "CN=" + host + " " + use + ", O=SatuPintu";
    }

    private static String hostOf(String issuer) {
        String host = issuer == null ? null : URI.create(issuer).getHost();
        return host == null ? "localhost" : host;
    }
}
