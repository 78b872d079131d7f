package org.isotox.server;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * A servlet that asks Spring for the real one only when the container initialises it.
 *
 * <p>Boot creates the embedded web server, and with it every servlet registration, before it
 * instantiates the other singletons and before it freezes the bean definitions. A registration
 * that holds HAPI's {@code RestfulServer} itself would create nearly every HAPI bean at that point,
 * while Spring's by-type lookup cache is still off: each of the ~2,000 autowired HAPI fields then
 * scans every bean definition, which cost a third of start-up. Tomcat initialises load-on-startup
 * servlets only when the web server starts, after the singletons. For the same reason the real
 * servlet must not be a bean of type {@code Servlet}: Boot creates those with the web server too.
 */
final class DeferredServlet implements Servlet {

    private final Supplier<? extends Servlet> target;
    private volatile Servlet servlet;

    DeferredServlet(Supplier<? extends Servlet> target) {
        this.target = target;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        servlet = target.get();
        servlet.init(config);
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        servlet.service(request, response);
    }

    @Override
    public ServletConfig getServletConfig() {
        return servlet == null ? null : servlet.getServletConfig();
    }

    @Override
    public String getServletInfo() {
        return servlet == null ? "" : servlet.getServletInfo();
    }

    @Override
    public void destroy() {
        if (servlet != null) {
            servlet.destroy();
        }
    }
}
