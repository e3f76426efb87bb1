package id.satupintu.idp.citizen.registrysync;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.oidc.grant.HashingOAuth2AuthorizationService;
import id.satupintu.idp.registry.RegistryConnector;
import id.satupintu.idp.session.SsoSessions;

/**
 * Wires the registry event receiver and subscribes it to the registry connector once every bean
 * exists, before the server takes requests; on every node, since each node may be the one a
 * webhook delivery reaches.
 */
@Configuration(proxyBeanMethods = false)
public class RegistrySyncConfiguration {

    @Bean
    RegistryEventReceiver registryEventReceiver(CitizenStore citizens, SsoSessions sessions,
                                                HashingOAuth2AuthorizationService authorizations, AuditLog audit,
                                                ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
        AccessTermination termination = new AccessTermination(sessions, authorizations::revokeAllForCitizen, audit);
        RegistryChangeApplier applier = new RegistryChangeApplier(citizens, termination,
                clock.getIfAvailable(Clock::systemUTC));
        return new RegistryEventReceiver(applier, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    SmartInitializingSingleton registryEventSubscription(ObjectProvider<RegistryConnector> connector,
                                                         RegistryEventReceiver receiver) {
        return () -> connector.ifAvailable(registry -> registry.subscribe(receiver));
    }
}
