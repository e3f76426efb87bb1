package id.satupintu.idp.consent;

import java.time.Clock;

import id.satupintu.idp.consent.store.jpa.JpaOAuth2AuthorizationConsentService;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code OAuth2AuthorizationConsentService} the authorization server picks up from the context. */
@Configuration(proxyBeanMethods = false)
public class ConsentStorageConfiguration {

    @Bean
    JpaOAuth2AuthorizationConsentService authorizationConsentService(EntityManagerFactory entityManagerFactory,
                                                                     PlatformTransactionManager transactionManager,
                                                                     ObjectProvider<Clock> clock) {
        return new JpaOAuth2AuthorizationConsentService(entityManagerFactory, transactionManager,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
