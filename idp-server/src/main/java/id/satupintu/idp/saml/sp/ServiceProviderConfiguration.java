package id.satupintu.idp.saml.sp;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's scheduling for the service-provider cache's revision poll and the metadata
 * refresh rounds ({@link CachedServiceProviderStore#pollRevision()}, {@link MetadataRefreshScheduler}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ServiceProviderConfiguration {
}
