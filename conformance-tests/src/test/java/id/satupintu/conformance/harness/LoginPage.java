package id.satupintu.conformance.harness;

import java.util.Optional;

/** Drives the citizen login form: any form on the page that asks for {@code nik} and {@code password}. */
public final class LoginPage {

    private final Browser browser;
    private final HtmlForm form;

    private LoginPage(Browser browser, HtmlForm form) {
        this.browser = browser;
        this.form = form;
    }

    public static Optional<LoginPage> on(Browser browser, Page page) {
        if (page.leftServer()) {
            return Optional.empty();
        }
        return HtmlForm.all(page).stream()
                .filter(f -> f.has("nik") && f.has("password"))
                .findFirst()
                .map(f -> new LoginPage(browser, f));
    }

    public static boolean isShown(Page page) {
        return !page.leftServer() && HtmlForm.all(page).stream().anyMatch(f -> f.has("nik") && f.has("password"));
    }

    public HtmlForm form() {
        return form;
    }

    /** Types the citizen's NIK and password and submits, keeping the hidden {@code _csrf} and anything else. */
    public Page signIn(Citizen citizen) {
        return browser.submit(form, form.defaults().set("nik", citizen.nik()).set("password", citizen.password()));
    }
}
