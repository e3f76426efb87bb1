package id.satupintu.idp.agency.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring's client authentication takes the application's {@link PasswordEncoder} bean only when it
 * is unique; a second one (say, for citizen passwords) would make it fall back to its delegating
 * bcrypt encoder, and no stored SHA-256 client secret would match any more.
 */
@SpringBootTest(properties = {
        "satupintu.demo-data=false",
        "spring.datasource.url=jdbc:h2:mem:agency-contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class ClientSecretEncoderBeanTest {

    @Autowired
    ApplicationContext context;

    @Test
    void contextWhenServerStartsThenSha256EncoderIsTheOnlyPasswordEncoderBean() {
        assertThat(context.getBeansOfType(PasswordEncoder.class).values())
                .singleElement().isInstanceOf(Sha256ClientSecretEncoder.class);
    }
}
