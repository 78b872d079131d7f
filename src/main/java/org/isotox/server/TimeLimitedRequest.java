package org.isotox.server;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Function;

/**
 * A request whose body must be read whole within {@code timeout}: Tomcat's read timeout applies to each
 * read, so a client sending a byte a second would otherwise hold a worker for as long as it likes. A read
 * that Tomcat gives up on (nothing arrived for its upload timeout) ends the same way.
 * {@code tooSlow} is given {@code true} for a stalled body, {@code false} for one past its deadline.
 */
final class TimeLimitedRequest extends HttpServletRequestWrapper {

    private final long deadline;
    private final Function<Boolean, ? extends RuntimeException> tooSlow;
    private ServletInputStream stream;

    TimeLimitedRequest(HttpServletRequest request, Duration timeout, Function<Boolean, ? extends RuntimeException> tooSlow) {
        super(request);
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.tooSlow = tooSlow;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new DeadlineStream(super.getInputStream());
        }
        return stream;
    }

    private final class DeadlineStream extends ForwardingInputStream {

        DeadlineStream(ServletInputStream raw) {
            super(raw);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = raw.read(buffer, offset, length);
            } catch (IOException e) {
                if (stalled(e)) {
                    throw abandoned(true);
                }
                throw e;
            }
            if (n >= 0 && System.nanoTime() - deadline > 0) {
                throw abandoned(false);
            }
            return n;
        }

        private RuntimeException abandoned(boolean stalled) {
            setAttribute(AbandonedBodyValve.ABANDONED, Boolean.TRUE);
            return tooSlow.apply(stalled);
        }

        private static boolean stalled(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SocketTimeoutException) {
                    return true;
                }
            }
            return false;
        }




        @Override
        public void close() throws IOException {
            raw.close();
        }
    }
}
