package id.satupintu.sdk.web;

import java.util.Map;

/**
 * Logout CSRF defence. A link or form on another site can send the browser to the logout path; top-level
 * GETs carry SameSite=Lax cookies, so without this check any site could sign the citizen out of the
 * application and of SatuPintu. A request that the browser marks as coming from another site (Fetch Metadata
 * {@code Sec-Fetch-Site}) or whose {@code Origin} is not the application's gets a page with a sign-out
 * button instead: its same-origin POST then signs out. Browsers without Fetch Metadata are let through, as
 * before Fetch Metadata existed.
 */
final class LogoutConfirmation {

    private LogoutConfirmation() {
    }

    /** @return true when the request may have been started by another site */
    static boolean needed(WebExchange exchange) {
        String site = exchange.header("Sec-Fetch-Site");
        if (site != null && !"same-origin".equalsIgnoreCase(site) && !"none".equalsIgnoreCase(site)) {
            return true;
        }
        String origin = exchange.header("Origin");
        return origin != null && !origin.equalsIgnoreCase(exchange.origin());
    }

    static void respond(WebExchange exchange, String logoutPath) {
        boolean english = exchange.locale() != null && "en".equals(exchange.locale().getLanguage());
        String title = english ? "Sign out?" : "Keluar?";
        String question = english ? "Do you want to sign out of this application and SatuPintu?"
                : "Apakah Anda ingin keluar dari aplikasi ini dan SatuPintu?";
        String button = english ? "Sign out" : "Keluar";
        String action = ErrorPage.escape(exchange.contextPath() + logoutPath);
        String html = "<!DOCTYPE html>\n<html lang=\"" + (english ? "en" : "id") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title></head><body><main><h1>" + title + "</h1><p>" + question + "</p>"
                + "<form method=\"post\" action=\"" + action + "\"><button type=\"submit\">" + button
                + "</button></form></main></body></html>\n";
        // the page must not be framed by the site that sent the browser here (clickjacking the button)
        exchange.respond(200, "text/html; charset=UTF-8", html, Map.of("Cache-Control", "no-store",
                "X-Frame-Options", "DENY", "Content-Security-Policy", "frame-ancestors 'none'"));
    }
}
