package id.satupintu.idp;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server-wide settings ({@code satupintu.*}). Every feature switch of the server is documented
 * here or next to its feature's own properties; see README.md for the production values.
 *
 * @param issuer the issuer identifier (OIDC Discovery §3): the https URL relying parties see
 * @param dataDir where the quickstart keeps its H2 database and generated keys; never in git
 * @param demoData seed demo citizens, agencies and the demo application (quickstart only)
 * @param pairwiseSalt secret salt of pairwise subject identifiers; generated into the data
 *        directory when absent. Every node of a cluster must share one value.
 * @param jwksMaxAge how long relying parties may cache the JWKS ({@code Cache-Control: max-age})
 */
@ConfigurationProperties("satupintu")
public record SatuPintuProperties(
        String issuer,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("true") boolean demoData,
        String pairwiseSalt,
        @DefaultValue("5m") Duration jwksMaxAge) {
}
