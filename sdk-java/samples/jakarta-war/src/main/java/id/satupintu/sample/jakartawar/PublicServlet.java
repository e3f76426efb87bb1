package id.satupintu.sample.jakartawar;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A page anyone may read, also where sign-out lands. */
@WebServlet("/public/*")
public class PublicServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().println("<!doctype html><html><head><title>Public</title></head><body><p>public page; remote user: "
                + "<span id=\"remote-user\">" + Html.escape(request.getRemoteUser()) + "</span></p></body></html>");
    }
}
