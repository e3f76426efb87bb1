package id.satupintu.idp.agency;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.idp.oidc.ClientAssertionDecoderFactory;
import org.junit.jupiter.api.Test;

class InlineClientJwksTest {

    @Test
    void settingWhenStoredByAgencyStoreThenReadByClientAssertionDecoder() {
        // the store writes the inline JWK Set where private_key_jwt verification looks for it
        assertThat(InlineClientJwks.SETTING).isEqualTo(ClientAssertionDecoderFactory.INLINE_JWKS_SETTING);
    }
}
