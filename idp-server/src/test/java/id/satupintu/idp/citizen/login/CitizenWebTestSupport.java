package id.satupintu.idp.citizen.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import id.satupintu.idp.testsupport.RealStores;

/**
 * The one application context of the citizen web tests, shared by extending this class so that it
 * boots once: the whole server on a random port on real PostgreSQL and Redis, with low throttling
 * limits that tests reach quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "satupintu.demo-data=true",
        "satupintu.login.throttle.account-limit=3",
        "satupintu.login.throttle.ip-limit=5",
        "spring.thymeleaf.cache=false"})
@AutoConfigureMockMvc
@Import(TestRegisteredClients.class)
public abstract class CitizenWebTestSupport {

    public static final int ACCOUNT_LIMIT = 3;
    public static final int IP_LIMIT = 5;

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("satupintu.data-dir", CitizenWebTestSupport::dataDir);
    }

    /** Keys and salts the server generates go to a temporary directory, not the working tree. */
    private static synchronized String dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("satupintu-citizen-test-").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataDir;
    }

    private static String dataDir;
}
