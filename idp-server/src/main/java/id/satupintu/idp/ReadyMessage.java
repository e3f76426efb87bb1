package id.satupintu.idp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where to open it and where relying parties discover it. */
@Component
class ReadyMessage {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyMessage.class);

    private final SatuPintuProperties properties;

    ReadyMessage(SatuPintuProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        LOG.info("SatuPintu is ready: open {}/ to sign in{}; discovery at {}/.well-known/openid-configuration",
                properties.issuer(), properties.demoData() ? " (demo citizens are listed in README.md)" : "",
                properties.issuer());
    }
}
