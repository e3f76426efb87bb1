package id.satupintu.idp.citizen.login;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.registry.InvalidNikException;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.session.LevelOfAssurance;

/**
 * Signs a citizen in with NIK and password (NIST SP 800-63B §5.1.1 memorized secret), throttled per
 * account and per client address (§5.2.2).
 *
 * <p>Unknown NIK and wrong password fail alike, with the same message and the same Argon2 work, so
 * neither the page nor its timing tells whether an account exists. Throttled attempts are refused
 * before any hashing, so an attacker cannot turn them into CPU load.
 */
public class CitizenPasswordAuthenticationProvider implements AuthenticationProvider {

    /** RFC 8176 authentication method reference for a password. */
    static final String AMR_PASSWORD = "pwd";

    private final CitizenStore citizens;
    private final CitizenPasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    public CitizenPasswordAuthenticationProvider(CitizenStore citizens, CitizenPasswordHasher hasher,
                                                 LoginThrottle throttle, AuditLog audit, Clock clock) {
        this.citizens = citizens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String clientAddress = clientAddress(authentication);
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Instant now = clock.instant();
        Nik nik = parse(authentication.getName(), clientAddress, now);

        Optional<LoginThrottle.Block> block = throttle.check(clientAddress, nik, now);
        if (block.isPresent()) {
            audit.record(AuditEvent.failure("login.throttled", null, null, clientAddress, Map.of(
                    "nik", nik.masked(), "limit", block.get().scope().name().toLowerCase(),
                    "retry_at", block.get().retryAt().toString())));
            throw new LoginThrottledException(block.get().retryAt());
        }

        Optional<Citizen> citizen = citizens.findByNik(nik);
        boolean passwordMatches = citizen.isPresent()
                ? hasher.matches(password, citizen.get().passwordHash())
                : hasher.matchesNoAccount(password);
        if (!passwordMatches) {
            throttle.recordFailure(clientAddress, nik, now);
            audit.record(AuditEvent.failure("login.failed", null, citizen.map(Citizen::id).orElse(null), clientAddress,
                    Map.of("nik", nik.masked(), "reason", citizen.isPresent() ? "wrong_password" : "unknown_account")));
            throw new BadCredentialsException("NIK or password not accepted");
        }
        // Checked only after the password: only the account holder learns that it is disabled.
        if (!citizen.get().isActive()) {
            audit.record(AuditEvent.failure("login.failed", null, citizen.get().id(), clientAddress,
                    Map.of("nik", nik.masked(), "reason", "account_disabled")));
            throw new DisabledException("account disabled");
        }

        throttle.recordSuccess(nik);
        audit.record(AuditEvent.success("login.succeeded", null, citizen.get().id(), clientAddress,
                Map.of("nik", nik.masked(), "amr", AMR_PASSWORD)));
        // No request details on the token: it lives in the SSO session and carries only AuthenticatedCitizen.
        return new CitizenAuthenticationToken(new AuthenticatedCitizen(
                citizen.get().id(), now, LevelOfAssurance.LOA2.uri(), List.of(AMR_PASSWORD)));
    }

    private Nik parse(String input, String clientAddress, Instant now) {
        try {
            return Nik.parse(input == null ? "" : input.strip());
        } catch (InvalidNikException e) {
            // A malformed NIK costs no hashing, but counts against the address so it cannot be used
            // to probe freely; with no account to name, only the reason is recorded.
            throttle.recordFailure(clientAddress, null, now);
            audit.record(AuditEvent.failure("login.failed", null, null, clientAddress,
                    Map.of("reason", "malformed_nik", "rule", e.reason().name().toLowerCase())));
            throw new MalformedNikException(e);
        }
    }

    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
