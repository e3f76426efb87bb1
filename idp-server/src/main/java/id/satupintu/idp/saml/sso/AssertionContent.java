package id.satupintu.idp.saml.sso;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one assertion states about the citizen, before it becomes XML.
 *
 * @param authnInstant the citizen's last active sign-in ({@code AuthnStatement/@AuthnInstant})
 * @param sessionIndex this SP's {@code SessionIndex} in the SSO session (SAML Core §2.7.2)
 * @param authnContextClassRef the level of assurance URI, equal to the OIDC {@code acr}
 */
record AssertionContent(SubjectName subject, Instant authnInstant, String sessionIndex, String authnContextClassRef,
                        List<SamlAttribute> attributes) {

    AssertionContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(authnInstant, "authnInstant");
        Objects.requireNonNull(sessionIndex, "sessionIndex");
        Objects.requireNonNull(authnContextClassRef, "authnContextClassRef");
        attributes = List.copyOf(attributes);
    }
}
