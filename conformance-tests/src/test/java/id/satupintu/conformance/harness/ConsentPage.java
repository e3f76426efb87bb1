package id.satupintu.conformance.harness;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drives the consent form: a form posting back to the authorization endpoint with a hidden
 * {@code client_id}, {@code state} and {@code scope} checkboxes.
 */
public final class ConsentPage {

    private static final Pattern REFUSAL = Pattern.compile("deny|cancel|reject|refuse|tolak|batal");

    private final Browser browser;
    private final HtmlForm form;

    private ConsentPage(Browser browser, HtmlForm form) {
        this.browser = browser;
        this.form = form;
    }

    public static Optional<ConsentPage> on(Browser browser, Page page, String authorizationEndpointPath) {
        if (page.leftServer()) {
            return Optional.empty();
        }
        return HtmlForm.all(page).stream()
                .filter(f -> f.has("client_id") && f.action().getPath().equals(authorizationEndpointPath))
                .findFirst()
                .map(f -> new ConsentPage(browser, f));
    }

    /** @return the scopes offered as checkboxes */
    public List<String> offeredScopes() {
        return form.options("scope");
    }

    /** Approves every offered scope. */
    public Page approveAll() {
        return approve(offeredScopes());
    }

    /** Approves exactly {@code scopes}; other offered boxes are left unchecked. */
    public Page approve(List<String> scopes) {
        FormData data = form.defaults().remove("scope");
        scopes.forEach(scope -> data.add("scope", scope));
        approvalButton().ifPresent(button -> data.add(button.name(), button.value()));
        return browser.submit(form, data);
    }

    /** Refuses: submits no scope at all, through the refusal button when the page has a named one. */
    public Page deny() {
        FormData data = form.defaults().remove("scope");
        form.buttons().stream().filter(ConsentPage::refuses).findFirst()
                .ifPresent(button -> data.add(button.name(), button.value()));
        return browser.submit(form, data);
    }

    private Optional<HtmlForm.Field> approvalButton() {
        return form.buttons().stream().filter(button -> !refuses(button)).findFirst();
    }

    private static boolean refuses(HtmlForm.Field button) {
        String text = (button.name() + " " + button.value()).toLowerCase(Locale.ROOT);
        return REFUSAL.matcher(text).find();
    }
}
