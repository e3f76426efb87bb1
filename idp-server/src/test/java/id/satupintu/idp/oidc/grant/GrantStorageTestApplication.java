package id.satupintu.idp.oidc.grant;

import id.satupintu.idp.audit.JdbcAuditLog;
import id.satupintu.idp.consent.ConsentStorageConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;

/**
 * A narrow context for storage tests: Boot's datasource, Flyway, Hibernate and Redis auto-configuration
 * plus the grant, consent and audit beans, without the web layer or other features' beans.
 */
@SpringBootConfiguration
// keeps the full application's component scan (SatuPintuApplication) from picking this class up:
// its @EntityScan would otherwise hide every other feature's entities from full-server tests
@TestComponent
@EnableAutoConfiguration
@EntityScan(basePackages = {"id.satupintu.idp.oidc.grant.store.jpa", "id.satupintu.idp.consent.store.jpa"})
@Import({GrantStorageConfiguration.class, ConsentStorageConfiguration.class, JdbcAuditLog.class})
public class GrantStorageTestApplication {
}
