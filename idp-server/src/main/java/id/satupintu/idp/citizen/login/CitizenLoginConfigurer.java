package id.satupintu.idp.citizen.login;

import java.time.Clock;

import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.stereotype.Component;

import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStore;

/**
 * Sets up the citizens' sign-in form on a {@link HttpSecurity}: login page and processing URL
 * {@code /login} with fields {@code nik} and {@code password}, the NIK/password provider and its
 * failure messages. On success Spring's saved request resumes what the citizen was doing (for
 * example an authorization request); with none, the citizen lands on {@code /}.
 *
 * <p>Called by the application's default (non-protocol) security filter chain. That chain must
 * permit {@link #PUBLIC_PATHS} (path patterns, any query string).
 */
@Component
public class CitizenLoginConfigurer {

    public static final String LOGIN_PAGE = "/login";

    /**
     * Pages and assets every visitor needs before signing in. The login page is among them because
     * form login's own {@code permitAll()} matches its URL exactly, query included, and the page is
     * also opened with {@code ?lang=en}, {@code ?error} or {@code ?logout}.
     */
    public static final String[] PUBLIC_PATHS = {LOGIN_PAGE, "/", "/css/**", "/js/**", "/favicon.ico", "/error"};

    private final CitizenPasswordAuthenticationProvider provider;
    private final CitizenLoginFailureHandler failureHandler = new CitizenLoginFailureHandler();

    public CitizenLoginConfigurer(CitizenStore citizens, CitizenPasswordHasher hasher, LoginThrottle throttle,
                                  AuditLog audit) {
        this.provider = new CitizenPasswordAuthenticationProvider(citizens, hasher, throttle, audit, Clock.systemUTC());
    }

    public void configure(HttpSecurity http) throws Exception {
        http.formLogin(form -> form
                .loginPage(LOGIN_PAGE)
                .loginProcessingUrl(LOGIN_PAGE)
                .usernameParameter("nik")
                .passwordParameter("password")
                .failureHandler(failureHandler)
                .withObjectPostProcessor(citizensOnly())
                .permitAll());
    }

    /**
     * The form authenticates with the citizen provider alone. Through the chain's shared manager, a
     * failure would fall through to the global one (for example Boot's generated user), which would
     * replace the specific reason (malformed NIK, throttled) with its own and could sign in a non-citizen.
     */
    private ObjectPostProcessor<UsernamePasswordAuthenticationFilter> citizensOnly() {
        ProviderManager citizensOnly = new ProviderManager(provider);
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationManager(citizensOnly);
                return filter;
            }
        };
    }
}
