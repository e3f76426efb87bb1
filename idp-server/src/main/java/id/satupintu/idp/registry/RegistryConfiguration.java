package id.satupintu.idp.registry;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.embedded.EmbeddedRegistry;
import id.satupintu.idp.registry.embedded.FixedRecords;
import id.satupintu.idp.registry.synthetic.CombinedRecords;
import id.satupintu.idp.registry.synthetic.GenerationSettings;
import id.satupintu.idp.registry.synthetic.SyntheticRegistry;

/**
 * Chooses the registry connector with {@code satupintu.registry.mode}: {@code embedded} (the
 * quickstart default: a synthetic registry in this process) or {@code http} (the registry service).
 */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    @ConditionalOnProperty(name = "satupintu.registry.mode", havingValue = "embedded", matchIfMissing = true)
    EmbeddedRegistry embeddedRegistry(@Value("${satupintu.registry.embedded.size:5000}") long size,
                                      @Value("${satupintu.registry.embedded.seed:20261128}") long seed) {
        // the demo records first, then a synthetic population that never reuses their NIKs
        List<RegistryRecord> demo = DemoRegistryRecords.all();
        SyntheticRegistry synthetic = SyntheticRegistry.generate(GenerationSettings.of(seed, size), demo);
        return new EmbeddedRegistry(new CombinedRecords(new FixedRecords(demo), synthetic), Clock.systemUTC());
    }
}
