package id.satupintu.idp.citizen.enrollment;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.session.LevelOfAssurance;

/**
 * Signs the new citizen in, exactly as a password sign-in would leave the session: a
 * {@link CitizenAuthenticationToken} for the registry-verified account (LoA 2, {@code amr=pwd}: the
 * citizen has just chosen and typed the password), after the same session-fixation protection as form
 * login (new session id, new CSRF token), saved where the security filter chain reads it back.
 */
@Component
public class EnrollmentSignIn {

    /** RFC 8176 authentication method reference for a password. */
    private static final String AMR_PASSWORD = "pwd";

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final SessionAuthenticationStrategy sessionFixation = new CompositeSessionAuthenticationStrategy(List.of(
            new ChangeSessionIdAuthenticationStrategy(),
            new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));

    public void signIn(Citizen citizen, Instant now, HttpServletRequest request, HttpServletResponse response) {
        CitizenAuthenticationToken authentication = new CitizenAuthenticationToken(new AuthenticatedCitizen(
                citizen.id(), now, LevelOfAssurance.LOA2.uri(), List.of(AMR_PASSWORD)));
        sessionFixation.onAuthentication(authentication, request, response);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        repository.saveContext(context, request, response);
    }
}
