package id.satupintu.wholeserver;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import id.satupintu.idp.SatuPintuApplication;

/**
 * The whole server, as {@link SatuPintuApplication} assembles it, minus other tests' narrow
 * {@code @SpringBootConfiguration} classes. Component scanning from the application's package also
 * finds those in test sources, and one that declares {@code @EntityScan} limits the entities of the
 * whole server to its own packages. Lives outside {@code id.satupintu.idp} so that no application
 * scan picks it up in turn.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackageClasses = SatuPintuApplication.class) // entities and repositories of all features
@ConfigurationPropertiesScan(basePackageClasses = SatuPintuApplication.class)
@ComponentScan(basePackageClasses = SatuPintuApplication.class, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)})
public class WholeServerTestApplication {
}
