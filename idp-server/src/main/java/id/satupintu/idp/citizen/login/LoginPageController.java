package id.satupintu.idp.citizen.login;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Renders the sign-in form and the message of the previous failed attempt, once. */
@Controller
class LoginPageController {

    /** Retry times are shown in Western Indonesian Time, the time of the capital. */
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    LoginPageController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping(CitizenLoginConfigurer.LOGIN_PAGE)
    String loginPage(@RequestParam(name = "logout", required = false) String logout, HttpSession session,
                     Locale locale, Model model) {
        Object error = session.getAttribute(LoginError.SESSION_ATTRIBUTE);
        if (error instanceof LoginError loginError) {
            session.removeAttribute(LoginError.SESSION_ATTRIBUTE);
            model.addAttribute("errorMessage", message(loginError, locale));
        }
        model.addAttribute("signedOut", logout != null);
        return "login";
    }

    private String message(LoginError error, Locale locale) {
        if (error.retryAt() == null) {
            return messages.getMessage(error.messageKey(), null, locale);
        }
        long minutes = Math.max(1, Duration.between(clock.instant(), error.retryAt()).plusSeconds(59).toMinutes());
        String time = CLOCK_TIME.format(error.retryAt().atZone(WIB));
        return messages.getMessage(error.messageKey(), new Object[] {minutes, time}, locale);
    }
}
