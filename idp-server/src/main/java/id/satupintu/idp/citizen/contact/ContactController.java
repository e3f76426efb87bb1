package id.satupintu.idp.citizen.contact;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.session.CitizenAuthenticationToken;

/**
 * Adding an e-mail address and/or a phone number after enrollment, each saved only once a code sent to it
 * has come back. Signed-in citizens only (the password step signs them in).
 */
@Controller
class ContactController {

    static final String CONTACT = "/enrol/contact";
    static final String SEND = "/enrol/contact/send";
    static final String VERIFY = "/enrol/contact/verify";
    static final String RESEND = "/enrol/contact/resend";

    private final OneTimeCodes codes;
    private final CitizenStore citizens;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    ContactController(OneTimeCodes codes, CitizenStore citizens, AuditLog audit) {
        this.codes = codes;
        this.citizens = citizens;
        this.audit = audit;
    }

    @GetMapping(CONTACT)
    String contactPage(@RequestParam(name = "verified", required = false) String verified,
                       @RequestParam(name = "codeError", required = false) String codeError,
                       Authentication authentication, Model model) {
        Citizen citizen = citizen(authentication);
        ContactChannel verifiedChannel = ContactChannel.fromId(verified);
        if (verifiedChannel != null) {
            model.addAttribute("verifiedMessage", "enrol.contact.verified." + verifiedChannel.id());
        }
        if ("expired".equals(codeError) || "attempts".equals(codeError)) {
            model.addAttribute("pageError", "enrol.contact.error." + codeError);
        }
        return contactView(citizen, model, Map.of(), "", "");
    }

    @PostMapping(SEND)
    String send(@RequestParam(name = "channel", required = false) String channelId,
                @RequestParam(name = "value", required = false) String value, Authentication authentication,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Citizen citizen = citizen(authentication);
        ContactChannel channel = ContactChannel.fromId(channelId);
        if (channel == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return contactView(citizen, model, Map.of(), "", "");
        }
        Optional<String> destination = channel == ContactChannel.EMAIL ? ContactAddresses.email(value)
                : ContactAddresses.phone(value);
        String typed = value == null ? "" : value.strip();
        String typedEmail = channel == ContactChannel.EMAIL ? typed : "";
        String typedPhone = channel == ContactChannel.PHONE ? typed : "";
        if (destination.isEmpty()) {
            audit.record(AuditEvent.failure("contact.address_rejected", null, citizen.id(), request.getRemoteAddr(),
                    Map.of("channel", channel.id())));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return contactView(citizen, model, Map.of(channel.id(), "enrol.contact.error.invalid." + channel.id()),
                    typedEmail, typedPhone);
        }
        OneTimeCodes.Sending sending = codes.send(citizen.id(), channel, destination.get(), locale(request));
        if (sending instanceof OneTimeCodes.Sending.TooSoon tooSoon) {
            audit.record(AuditEvent.failure("contact.code_throttled", null, citizen.id(), request.getRemoteAddr(),
                    Map.of("channel", channel.id(), "retry_at", tooSoon.retryAt().toString())));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("waitSeconds", secondsUntil(tooSoon));
            return contactView(citizen, model, Map.of(channel.id(), "enrol.contact.error.tooSoon"), typedEmail,
                    typedPhone);
        }
        audit.record(AuditEvent.success("contact.code_sent", null, citizen.id(), request.getRemoteAddr(),
                Map.of("channel", channel.id(), "to", ContactAddresses.masked(channel, destination.get()))));
        return "redirect:" + VERIFY + "?channel=" + channel.id();
    }

    /**
     * The pages rendered by the form posts link their language switch to their own URL: opened with GET,
     * those URLs lead back to the contact page (now in the chosen language).
     */
    @GetMapping({SEND, RESEND})
    String backToContactPage() {
        return "redirect:" + CONTACT;
    }

    @GetMapping(VERIFY)
    String codeForm(@RequestParam(name = "channel", required = false) String channelId,
                    @RequestParam(name = "resent", required = false) String resent,
                    Authentication authentication, Model model) {
        Citizen citizen = citizen(authentication);
        ContactChannel channel = ContactChannel.fromId(channelId);
        Optional<String> destination = channel == null ? Optional.empty() : codes.destination(citizen.id(), channel);
        if (destination.isEmpty()) {
            return "redirect:" + CONTACT;
        }
        model.addAttribute("resent", resent != null);
        return codeView(channel, destination.get(), model);
    }

    @PostMapping(VERIFY)
    String verify(@RequestParam(name = "channel", required = false) String channelId,
                  @RequestParam(name = "code", required = false) String code, Authentication authentication,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Citizen citizen = citizen(authentication);
        ContactChannel channel = ContactChannel.fromId(channelId);
        if (channel == null) {
            return "redirect:" + CONTACT;
        }
        OneTimeCodes.Checking checking = codes.check(citizen.id(), channel, code);
        String address = request.getRemoteAddr();
        if (checking instanceof OneTimeCodes.Checking.Verified verified) {
            citizens.save(VerifiedContact.applied(citizen, channel, verified.destination(), clock.instant()));
            audit.record(AuditEvent.success("contact.verified", null, citizen.id(), address,
                    Map.of("channel", channel.id(), "to", ContactAddresses.masked(channel, verified.destination()))));
            return "redirect:" + CONTACT + "?verified=" + channel.id();
        }
        audit.record(AuditEvent.failure("contact.code_rejected", null, citizen.id(), address,
                Map.of("channel", channel.id(), "reason", checking.getClass().getSimpleName().toLowerCase(Locale.ROOT))));
        if (checking instanceof OneTimeCodes.Checking.Wrong wrong) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("attemptsLeft", wrong.attemptsLeft());
            return codeView(channel, codes.destination(citizen.id(), channel).orElse(""), model);
        }
        if (checking instanceof OneTimeCodes.Checking.Expired) {
            return "redirect:" + CONTACT + "?codeError=expired";
        }
        if (checking instanceof OneTimeCodes.Checking.TooManyAttempts) {
            return "redirect:" + CONTACT + "?codeError=attempts";
        }
        return "redirect:" + CONTACT;
    }

    @PostMapping(RESEND)
    String resend(@RequestParam(name = "channel", required = false) String channelId, Authentication authentication,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Citizen citizen = citizen(authentication);
        ContactChannel channel = ContactChannel.fromId(channelId);
        if (channel == null) {
            return "redirect:" + CONTACT;
        }
        OneTimeCodes.Sending sending = codes.resend(citizen.id(), channel, locale(request));
        if (sending instanceof OneTimeCodes.Sending.TooSoon tooSoon) {
            audit.record(AuditEvent.failure("contact.code_throttled", null, citizen.id(), request.getRemoteAddr(),
                    Map.of("channel", channel.id(), "retry_at", tooSoon.retryAt().toString())));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("waitSeconds", secondsUntil(tooSoon));
            return codeView(channel, codes.destination(citizen.id(), channel).orElse(""), model);
        }
        if (sending instanceof OneTimeCodes.Sending.NothingToResend) {
            return "redirect:" + CONTACT;
        }
        audit.record(AuditEvent.success("contact.code_sent", null, citizen.id(), request.getRemoteAddr(),
                Map.of("channel", channel.id(), "resend", "true")));
        return "redirect:" + VERIFY + "?channel=" + channel.id() + "&resent";
    }

    private String contactView(Citizen citizen, Model model, Map<String, String> errors, String typedEmail,
                               String typedPhone) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("errors", errors);
        model.addAttribute("typedEmail", typedEmail);
        model.addAttribute("typedPhone", typedPhone);
        return "enrol-contact";
    }

    private static String codeView(ContactChannel channel, String destination, Model model) {
        model.addAttribute("channel", channel.id());
        model.addAttribute("maskedDestination", destination.isEmpty() ? "" : ContactAddresses.masked(channel, destination));
        return "enrol-contact-verify";
    }

    private long secondsUntil(OneTimeCodes.Sending.TooSoon tooSoon) {
        return Math.max(1, Duration.between(clock.instant(), tooSoon.retryAt()).toSeconds() + 1);
    }

    private Citizen citizen(Authentication authentication) {
        if (!(authentication instanceof CitizenAuthenticationToken token)) {
            throw new IllegalStateException("contact pages are for signed-in citizens only");
        }
        UUID id = token.getPrincipal().citizenId();
        return citizens.findById(id).orElseThrow(() -> new IllegalStateException("signed-in citizen has no account"));
    }

    private static Locale locale(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request);
    }
}
