package id.satupintu.idp.citizen.enrollment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code satupintu.enrollment.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnrollmentProperties.class)
class EnrollmentConfiguration {
}
