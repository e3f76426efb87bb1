package id.satupintu.conformance.harness;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form read from a server-rendered page, with the successful controls a browser would
 * submit. Parsed generically (no hard-coded actions or ids) so the tests follow the pages the
 * server actually renders.
 */
public record HtmlForm(URI action, String method, List<Field> fields) {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("<(input|button|textarea)\\b([^>]*)>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");

    /** One named control: an input, a button or a textarea. */
    public record Field(String element, String name, String type, String value, boolean checked) {

        boolean isButton() {
            return element.equals("button") || type.equals("submit") || type.equals("image");
        }

        boolean isCheckable() {
            return type.equals("checkbox") || type.equals("radio");
        }
    }

    /** @return every form on the page, actions resolved against the page's URL */
    public static List<HtmlForm> all(Page page) {
        List<HtmlForm> forms = new ArrayList<>();
        Matcher form = FORM.matcher(page.body() == null ? "" : page.body());
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group(1));
            String action = attributes.getOrDefault("action", "");
            URI target = action.isEmpty() ? page.uri() : page.uri().resolve(action);
            forms.add(new HtmlForm(target, attributes.getOrDefault("method", "get").toLowerCase(Locale.ROOT),
                    fields(form.group(2))));
        }
        return forms;
    }

    public boolean has(String name) {
        return fields.stream().anyMatch(f -> f.name().equals(name));
    }

    public Optional<String> value(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(Field::value).findFirst();
    }

    /** @return values of the checkboxes named {@code name}, checked or not */
    public List<String> options(String name) {
        return fields.stream().filter(f -> f.name().equals(name) && f.isCheckable()).map(Field::value).toList();
    }

    public List<Field> buttons() {
        return fields.stream().filter(Field::isButton).toList();
    }

    /** @return what a browser submits without the user touching anything: buttons and unchecked boxes left out */
    public FormData defaults() {
        FormData data = new FormData();
        for (Field field : fields) {
            if (field.isButton() || (field.isCheckable() && !field.checked())) {
                continue;
            }
            data.add(field.name(), field.value());
        }
        return data;
    }

    /** @return {@link #defaults()} without the checkboxes named {@code name}; hidden fields of that name stay */
    public FormData defaultsWithoutBoxes(String name) {
        FormData data = new FormData();
        for (Field field : fields) {
            if (field.isButton() || (field.isCheckable() && (!field.checked() || field.name().equals(name)))) {
                continue;
            }
            data.add(field.name(), field.value());
        }
        return data;
    }

    private static List<Field> fields(String formBody) {
        List<Field> fields = new ArrayList<>();
        Matcher control = CONTROL.matcher(formBody);
        while (control.find()) {
            String element = control.group(1).toLowerCase(Locale.ROOT);
            Map<String, String> attributes = attributes(control.group(2));
            String name = attributes.get("name");
            if (name == null || attributes.containsKey("disabled")) {
                continue;
            }
            String type = attributes.getOrDefault("type", element.equals("button") ? "submit" : "text")
                    .toLowerCase(Locale.ROOT);
            String value = attributes.getOrDefault("value", type.equals("checkbox") || type.equals("radio") ? "on" : "");
            fields.add(new Field(element, name, type, value, attributes.containsKey("checked")));
        }
        return fields;
    }

    private static Map<String, String> attributes(String tagBody) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tagBody);
        while (attribute.find()) {
            String value = attribute.group(2) != null ? attribute.group(2)
                    : attribute.group(3) != null ? attribute.group(3)
                    : attribute.group(4) != null ? attribute.group(4) : "";
            attributes.putIfAbsent(attribute.group(1).toLowerCase(Locale.ROOT), HtmlEntities.decode(value));
        }
        return attributes;
    }
}
