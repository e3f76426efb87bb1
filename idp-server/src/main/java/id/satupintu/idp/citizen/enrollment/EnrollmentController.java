package id.satupintu.idp.citizen.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;

/**
 * The enrollment pages: identity form → registry check → password → account created and signed in →
 * optional contact details ({@code citizen.contact}) → done, continuing the authorization request the
 * citizen came from, if any. State between steps is one small {@link PendingEnrollment} in the session.
 */
@Controller
class EnrollmentController {

    /** Retry times are shown in Western Indonesian Time, as on the login page. */
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final IdentityCheck identityCheck;
    private final PasswordPolicy passwordPolicy;
    private final AccountCreation accountCreation;
    private final EnrollmentSignIn signIn;
    private final EnrollmentProperties properties;
    private final AuditLog audit;
    private final RequestCache savedRequests = new HttpSessionRequestCache();
    private final Clock clock = Clock.systemUTC();

    EnrollmentController(IdentityCheck identityCheck, PasswordPolicy passwordPolicy, AccountCreation accountCreation,
                         EnrollmentSignIn signIn, EnrollmentProperties properties, AuditLog audit) {
        this.identityCheck = identityCheck;
        this.passwordPolicy = passwordPolicy;
        this.accountCreation = accountCreation;
        this.signIn = signIn;
        this.properties = properties;
        this.audit = audit;
    }

    @GetMapping(EnrollmentPaths.START)
    String identityForm(Model model) {
        model.addAttribute("form", IdentityForm.empty());
        model.addAttribute("errors", Map.of());
        return "enrol";
    }

    @PostMapping(EnrollmentPaths.START)
    String checkIdentity(@RequestParam(name = "nik", required = false) String nik,
                         @RequestParam(name = "fullName", required = false) String fullName,
                         @RequestParam(name = "birthDate", required = false) String birthDate,
                         @RequestParam(name = "familyCardNumber", required = false) String familyCardNumber,
                         HttpServletRequest request, HttpServletResponse response, Model model) {
        IdentityForm form = new IdentityForm(nik, fullName, birthDate, familyCardNumber);
        Map<String, String> errors = form.errors(LocalDate.now(WIB));
        IdentityCheckResult result = errors.isEmpty()
                ? identityCheck.check(form.attributes(), request.getRemoteAddr())
                : identityCheck.rejectInvalidInput(errors.keySet(), request.getRemoteAddr());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (result instanceof IdentityCheckResult.Verified verified) {
            new PendingEnrollment(verified.record(), clock.instant()).storeIn(request.getSession());
            return "redirect:" + EnrollmentPaths.PASSWORD;
        }
        if (result instanceof IdentityCheckResult.InvalidInput) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "enrol";
        }
        if (result instanceof IdentityCheckResult.NotMatched) {
            // the same page, status and words for an unknown NIK and for any mismatching attribute
            model.addAttribute("notMatched", true);
            return "enrol";
        }
        return outcomePage(result, response, model);
    }

    private String outcomePage(IdentityCheckResult result, HttpServletResponse response, Model model) {
        if (result instanceof IdentityCheckResult.Throttled throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            long minutes = Math.max(1, Duration.between(clock.instant(), throttled.retryAt()).plusSeconds(59).toMinutes());
            model.addAttribute("retryMinutes", minutes);
            model.addAttribute("retryTime", CLOCK_TIME.format(throttled.retryAt().atZone(WIB)));
            model.addAttribute("outcome", "throttled");
        } else if (result instanceof IdentityCheckResult.RegistryUnavailable) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("outcome", "unavailable");
        } else if (result instanceof IdentityCheckResult.Deceased) {
            model.addAttribute("outcome", "deceased");
        } else {
            model.addAttribute("outcome", "existing");
        }
        return "enrol-outcome";
    }

    @GetMapping(EnrollmentPaths.PASSWORD)
    String passwordForm(HttpSession session, Model model) {
        PendingEnrollment pending = currentPending(session);
        if (pending == null) {
            return "redirect:" + EnrollmentPaths.START;
        }
        model.addAttribute("fullName", pending.record().fullName());
        return "enrol-password";
    }

    @PostMapping(EnrollmentPaths.PASSWORD)
    String choosePassword(@RequestParam(name = "password", required = false) String password,
                          @RequestParam(name = "confirmation", required = false) String confirmation,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        PendingEnrollment pending = currentPending(request.getSession(false));
        if (pending == null) {
            return "redirect:" + EnrollmentPaths.START;
        }
        Optional<PasswordProblem> problem = passwordPolicy.check(password, pending.record());
        if (problem.isEmpty() && !password.equals(confirmation)) {
            problem = Optional.of(PasswordProblem.CONFIRMATION_DIFFERS);
        }
        if (problem.isPresent()) {
            audit.record(AuditEvent.failure("enrollment.password_rejected", null, null, request.getRemoteAddr(),
                    Map.of("nik", pending.record().nik().masked(), "reason", problem.get().name().toLowerCase())));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("fullName", pending.record().fullName());
            model.addAttribute("problem", problem.get());
            return "enrol-password";
        }
        Optional<Citizen> created = accountCreation.create(pending.record(), password, request.getRemoteAddr());
        PendingEnrollment.removeFrom(request.getSession());
        if (created.isEmpty()) {
            model.addAttribute("outcome", "existing");
            return "enrol-outcome";
        }
        signIn.signIn(created.get(), clock.instant(), request, response);
        return "redirect:" + EnrollmentPaths.CONTACT;
    }

    @GetMapping(EnrollmentPaths.DONE)
    String done(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("continueApplication", savedRequests.getRequest(request, response) != null);
        return "enrol-done";
    }

    /** Resumes the authorization request that sent the citizen to the login page, else the start page. */
    @GetMapping(EnrollmentPaths.CONTINUE)
    String continueApplication(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = savedRequests.getRequest(request, response);
        if (saved == null) {
            return "redirect:/";
        }
        savedRequests.removeRequest(request, response);
        return "redirect:" + saved.getRedirectUrl();
    }

    private PendingEnrollment currentPending(HttpSession session) {
        PendingEnrollment pending = PendingEnrollment.in(session);
        if (pending != null && pending.isExpired(clock.instant(), properties.pendingTtl())) {
            PendingEnrollment.removeFrom(session);
            return null;
        }
        return pending;
    }
}
