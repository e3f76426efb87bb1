package id.satupintu.conformance.harness;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drives the consent form: a form posting back to the authorization endpoint with a hidden
 * {@code client_id}, {@code state} and {@code scope} checkboxes. Scopes the page marks as required
 * travel as hidden {@code scope} fields and are always submitted on approval. Refusal uses a
 * separate form without any scope when the page has one (consent with no scope is a refusal,
 * which the authorization server answers with access_denied).
 */
public final class ConsentPage {

    private static final Pattern REFUSAL = Pattern.compile("deny|cancel|reject|refuse|tolak|batal");

    private final Browser browser;
    private final HtmlForm form;
    private final Optional<HtmlForm> refusalForm;

    private ConsentPage(Browser browser, HtmlForm form, Optional<HtmlForm> refusalForm) {
        this.browser = browser;
        this.form = form;
        this.refusalForm = refusalForm;
    }

    public static Optional<ConsentPage> on(Browser browser, Page page, String authorizationEndpointPath) {
        if (page.leftServer()) {
            return Optional.empty();
        }
        List<HtmlForm> forms = HtmlForm.all(page).stream()
                .filter(f -> f.has("client_id") && f.action().getPath().equals(authorizationEndpointPath))
                .toList();
        Optional<HtmlForm> approval = forms.stream().filter(f -> f.has("scope")).findFirst();
        Optional<HtmlForm> refusal = forms.stream().filter(f -> !f.has("scope")).findFirst();
        return approval.or(() -> refusal).map(f -> new ConsentPage(browser, f, refusal));
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
        FormData data = form.defaultsWithoutBoxes("scope");
        scopes.forEach(scope -> data.add("scope", scope));
        approvalButton().ifPresent(button -> data.add(button.name(), button.value()));
        return browser.submit(form, data);
    }

    /** Refuses: submits no scope at all, through the refusal button when the page has a named one. */
    public Page deny() {
        if (refusalForm.isPresent()) {
            return browser.submit(refusalForm.get(), refusalForm.get().defaults());
        }
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
