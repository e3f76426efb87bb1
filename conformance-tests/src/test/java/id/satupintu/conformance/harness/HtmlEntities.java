package id.satupintu.conformance.harness;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes the character references a template engine writes into attribute values. */
final class HtmlEntities {

    private static final Pattern REFERENCE = Pattern.compile("&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0");

    private HtmlEntities() {
    }

    static String decode(String text) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            String replacement;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                replacement = Character.toString(Integer.parseInt(name.substring(2), 16));
            } else if (name.startsWith("#")) {
                replacement = Character.toString(Integer.parseInt(name.substring(1)));
            } else {
                replacement = NAMED.getOrDefault(name, reference.group());
            }
            reference.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(decoded);
        return decoded.toString();
    }
}
