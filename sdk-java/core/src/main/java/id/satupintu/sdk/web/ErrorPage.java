package id.satupintu.sdk.web;

import id.satupintu.sdk.Failure;
import java.util.Locale;
import java.util.Map;

/**
 * The page a browser sees when sign-in fails: a short reason in Bahasa Indonesia (the default) or
 * English, and a link to sign in again at the application's root. It never shows what the provider or
 * the browser sent, so nothing attacker-controlled is reflected into the page.
 */
final class ErrorPage {

    private static final Map<Failure, String> INDONESIAN = Map.ofEntries(
            Map.entry(Failure.STATE_MISMATCH, "Permintaan masuk ini tidak dikenali atau sudah dipakai."),
            Map.entry(Failure.AUTHORIZATION_ERROR, "Penyedia identitas tidak mengizinkan proses masuk."),
            Map.entry(Failure.ISSUER_MISMATCH, "Jawaban datang dari penyedia identitas yang tidak dikenal."),
            Map.entry(Failure.CODE_EXCHANGE_FAILED, "Kode masuk ditolak, kedaluwarsa, atau sudah dipakai."),
            Map.entry(Failure.ID_TOKEN_INVALID, "Bukti identitas dari penyedia tidak sah."),
            Map.entry(Failure.REFRESH_FAILED, "Sesi Anda telah berakhir."),
            Map.entry(Failure.PROVIDER_UNAVAILABLE, "Penyedia identitas sedang tidak dapat dihubungi. Coba lagi sebentar lagi."),
            Map.entry(Failure.CONFIGURATION, "Aplikasi ini belum diatur dengan benar untuk masuk."));

    private static final Map<Failure, String> ENGLISH = Map.ofEntries(
            Map.entry(Failure.STATE_MISMATCH, "This sign-in request is unknown or was already used."),
            Map.entry(Failure.AUTHORIZATION_ERROR, "The identity provider did not allow the sign-in."),
            Map.entry(Failure.ISSUER_MISMATCH, "The answer came from an unknown identity provider."),
            Map.entry(Failure.CODE_EXCHANGE_FAILED, "The sign-in code was refused, expired or already used."),
            Map.entry(Failure.ID_TOKEN_INVALID, "The identity provider's proof of identity is not valid."),
            Map.entry(Failure.REFRESH_FAILED, "Your session has ended."),
            Map.entry(Failure.PROVIDER_UNAVAILABLE, "The identity provider cannot be reached right now. Please try again shortly."),
            Map.entry(Failure.CONFIGURATION, "This application is not set up correctly for sign-in."));

    private ErrorPage() {
    }

    /**
     * @return 503 when the provider is unreachable (try again later), 500 for the application's own
     *         misconfiguration, 400 for everything a browser or provider sent that was refused
     */
    static int status(Failure failure) {
        return switch (failure) {
            case PROVIDER_UNAVAILABLE -> 503;
            case CONFIGURATION -> 500;
            default -> 400;
        };
    }

    static void respond(WebExchange exchange, Failure failure) {
        exchange.respond(status(failure), "text/html; charset=UTF-8", html(exchange, failure),
                Map.of("Cache-Control", "no-store"));
    }

    static String html(WebExchange exchange, Failure failure) {
        boolean english = isEnglish(exchange.locale());
        String title = english ? "Sign-in failed" : "Gagal masuk";
        String reason = (english ? ENGLISH : INDONESIAN).getOrDefault(failure,
                english ? "The sign-in could not be completed." : "Proses masuk tidak dapat diselesaikan.");
        String again = english ? "Sign in again" : "Masuk lagi";
        String root = escape(exchange.contextPath() + "/");
        return "<!DOCTYPE html>\n<html lang=\"" + (english ? "en" : "id") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title></head><body><main><h1>" + title + "</h1><p>" + reason + "</p>"
                + "<p><a href=\"" + root + "\">" + again + "</a></p></main></body></html>\n";
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The context path comes from the container, but is escaped anyway: it ends up in an attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
