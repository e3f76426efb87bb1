package id.satupintu.idp.registry.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.embedded.EmbeddedRegistry;

/** The two documented properties size and seed the quickstart's embedded registry. */
class EmbeddedRegistryConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(registryConfiguration());

    /** The configuration class is package-private in {@code registry}; it is loaded by name, as Spring would. */
    private static Class<?> registryConfiguration() {
        try {
            return Class.forName("id.satupintu.idp.registry.RegistryConfiguration");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void embeddedRegistryWhenNoPropertiesThenDemoRecordsAndFiveThousandSynthetic() {
        runner.run(context -> {
            EmbeddedRegistry registry = context.getBean(EmbeddedRegistry.class);

            assertThat(registry.size()).isEqualTo(5_000 + DemoRegistryRecords.all().size());
            assertThat(registry.lookup(DemoRegistryRecords.BUDI.nik())).contains(DemoRegistryRecords.BUDI);
            var someone = SyntheticRegistry.generate(GenerationSettings.of(20261128L, 5_000), DemoRegistryRecords.all())
                    .record(1_234);
            assertThat(registry.lookup(someone.nik())).contains(someone);
        });
    }

    @Test
    void embeddedRegistryWhenSizeAndSeedSetThenThoseRecords() {
        runner.withPropertyValues("satupintu.registry.embedded.size=300", "satupintu.registry.embedded.seed=42")
                .run(context -> {
                    EmbeddedRegistry registry = context.getBean(EmbeddedRegistry.class);
                    var someone = SyntheticRegistry.generate(GenerationSettings.of(42, 300), DemoRegistryRecords.all())
                            .record(299);

                    assertThat(registry.size()).isEqualTo(300 + DemoRegistryRecords.all().size());
                    assertThat(registry.lookup(someone.nik())).contains(someone);
                });
    }

    @Test
    void embeddedRegistryWhenModeHttpThenNotCreated() {
        runner.withPropertyValues("satupintu.registry.mode=http")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedRegistry.class));
    }
}
