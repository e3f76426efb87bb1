package id.satupintu.idp.saml.sso;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of SAML Web Browser SSO ({@code satupintu.saml.sso.*}).
 *
 * @param clockSkew how far an AuthnRequest's {@code IssueInstant} may lie from this server's clock,
 *        either way (SAML Core §3.2.1; the profile leaves the window to the IdP); 3 minutes by default
 * @param assertionLifetime how long an assertion and its bearer confirmation may be presented
 *        ({@code NotOnOrAfter}, SAML Profiles §4.1.4.2); 5 minutes by default
 */
@ConfigurationProperties("satupintu.saml.sso")
public record SamlSsoProperties(@DefaultValue("3m") Duration clockSkew, @DefaultValue("5m") Duration assertionLifetime) {

    public SamlSsoProperties {
        if (clockSkew == null) {
            clockSkew = Duration.ofMinutes(3);
        }
        if (assertionLifetime == null) {
            assertionLifetime = Duration.ofMinutes(5);
        }
    }

    /** The defaults, for code built without Spring (tests). */
    public static SamlSsoProperties defaults() {
        return new SamlSsoProperties(Duration.ofMinutes(3), Duration.ofMinutes(5));
    }
}
