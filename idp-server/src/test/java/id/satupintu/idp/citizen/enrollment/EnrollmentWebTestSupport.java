package id.satupintu.idp.citizen.enrollment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import id.satupintu.idp.citizen.contact.CapturingOneTimeCodeSender;
import id.satupintu.idp.citizen.login.TestRegisteredClients;
import id.satupintu.idp.testsupport.RealStores;

/**
 * The one application context of the enrollment web tests, shared by extending this class: the whole
 * server on real PostgreSQL and Redis, with a {@link TestRegistry} of the tests' own records in place of
 * the embedded registry, a sender that keeps the codes, low throttling limits and a short time floor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "satupintu.demo-data=true",
        "satupintu.enrollment.throttle.nik-limit=" + EnrollmentWebTestSupport.NIK_LIMIT,
        "satupintu.enrollment.throttle.ip-limit=" + EnrollmentWebTestSupport.IP_LIMIT,
        "satupintu.enrollment.verification-floor=" + EnrollmentWebTestSupport.FLOOR_MILLIS + "ms",
        "spring.thymeleaf.cache=false"})
@AutoConfigureMockMvc
@Import({TestRegisteredClients.class, EnrollmentWebTestSupport.TestBeans.class})
public abstract class EnrollmentWebTestSupport {

    public static final int NIK_LIMIT = 3;
    public static final int IP_LIMIT = 6;
    public static final int FLOOR_MILLIS = 300;

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        TestRegistry testRegistry() {
            return new TestRegistry();
        }

        @Bean
        @Primary
        CapturingOneTimeCodeSender capturingOneTimeCodeSender() {
            return new CapturingOneTimeCodeSender();
        }
    }

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("satupintu.data-dir", EnrollmentWebTestSupport::dataDir);
    }

    private static synchronized String dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("satupintu-enrollment-test-").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataDir;
    }

    private static String dataDir;
}
