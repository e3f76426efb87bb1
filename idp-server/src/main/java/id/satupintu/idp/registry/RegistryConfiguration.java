package id.satupintu.idp.registry;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.embedded.EmbeddedRegistry;
import id.satupintu.idp.registry.embedded.FixedRecords;

/**
 * Chooses the registry connector with {@code satupintu.registry.mode}: {@code embedded} (the
 * quickstart default: a synthetic registry in this process) or {@code http} (the registry service).
 */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    @ConditionalOnProperty(name = "satupintu.registry.mode", havingValue = "embedded", matchIfMissing = true)
    EmbeddedRegistry embeddedRegistry() {
        return new EmbeddedRegistry(new FixedRecords(DemoRegistryRecords.all()), Clock.systemUTC());
    }
}
