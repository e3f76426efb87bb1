package id.satupintu.sample.javaxwar;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A page anyone may read, also where sign-out lands. */
public class PublicServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().println("<!doctype html><html><head><title>Public</title></head><body><p>public page; remote user: "
                + "<span id=\"remote-user\">" + Html.escape(request.getRemoteUser()) + "</span></p></body></html>");
    }
}
