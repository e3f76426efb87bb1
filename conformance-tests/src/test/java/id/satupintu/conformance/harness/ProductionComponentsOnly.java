package id.satupintu.conformance.harness;

import java.io.IOException;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps idp-server's own test support out of the booted server. The test-jar (needed here for
 * {@code RealStores}) shares the server's packages, so the application's component scan would
 * otherwise pick up its test configurations, such as narrow storage contexts whose
 * {@code @EntityScan} hides most entities. Boot's component scan consults every
 * {@link TypeExcludeFilter} bean, which is the hook this registers.
 */
final class ProductionComponentsOnly extends TypeExcludeFilter
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton(ProductionComponentsOnly.class.getName(), this);
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        String location = reader.getResource().getURL().toString();
        return location.contains("/test-classes/") || location.contains("-tests.jar!");
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
