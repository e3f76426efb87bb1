package id.satupintu.sample.jakartawar;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The application's own "who am I" page, written against the plain servlet API only: it has no idea which
 * sign-on is in front of it. Roles to check come from {@code ?role=} so the page stays generic.
 */
@WebServlet(urlPatterns = {"", "/profile"})
public class ProfileServlet extends HttpServlet {

    /** The request attribute the SDK (or any other sign-on) documents for the user's claims. */
    private static final String CLAIMS = "id.satupintu.sdk.claims";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.println("<!doctype html><html><head><title>Profile</title></head><body>");
        out.println("<p>remote user: <span id=\"remote-user\">" + Html.escape(request.getRemoteUser()) + "</span></p>");
        out.println("<p>auth type: <span id=\"auth-type\">" + Html.escape(request.getAuthType()) + "</span></p>");
        String[] roles = request.getParameterValues("role");
        if (roles != null) {
            for (String role : roles) {
                out.println("<p>in role " + Html.escape(role) + ": <span class=\"role\" data-role=\"" + Html.escape(role)
                        + "\">" + request.isUserInRole(role) + "</span></p>");
            }
        }
        Object claims = request.getAttribute(CLAIMS);
        if (claims instanceof Map<?, ?> map) {
            for (String name : new String[] {"name", "acr", "iat", "auth_time"}) {
                out.println("<p>" + name + ": <span id=\"claim-" + name + "\">" + Html.escape(String.valueOf(map.get(name)))
                        + "</span></p>");
            }
        }
        out.println("<p><a id=\"logout\" href=\"" + Html.escape(request.getContextPath()) + "/satupintu/logout\">Sign out</a></p>");
        out.println("</body></html>");
    }
}
