package id.satupintu.idp.saml.sso;

import java.nio.charset.StandardCharsets;

/**
 * SAML Bindings §3.4.3 / §3.5.3: {@code RelayState} must not exceed 80 bytes. It is returned
 * verbatim with the response and is never a redirect target of this IdP.
 */
final class RelayStateCheck {

    static final String RELAY_STATE = "saml.sso.relay_state";
    static final int MAX_BYTES = 80;

    void check(String relayState, String spEntityId) {
        if (relayState != null && relayState.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw SsoRefusal.badRequest(RELAY_STATE, "longer_than_80_bytes", spEntityId);
        }
    }
}
