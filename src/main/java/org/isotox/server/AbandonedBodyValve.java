package org.isotox.server;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection after answering a request whose body the server gave up on, instead of
 * letting Tomcat read the rest of it (up to {@code server.tomcat.max-swallow-size}) at the pace the
 * slow client chooses, on a worker thread.
 */
final class AbandonedBodyValve extends ValveBase {

    static final String ABANDONED = AbandonedBodyValve.class.getName();

    AbandonedBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (request.getAttribute(ABANDONED) != null) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }
}
