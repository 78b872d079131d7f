package org.isotox.server;

import ca.uhn.fhir.rest.api.Constants;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * A request whose body throws the given exception once more than {@code maxBytes} have been read.
 * A gzip body is handed on decompressed, without its {@code Content-Encoding}, so the count is of
 * decompressed bytes.
 */
final class SizeLimitedRequest extends HttpServletRequestWrapper {

    private final long maxBytes;
    private final boolean gzip;
    private final Function<String, ? extends RuntimeException> tooLarge;
    private ServletInputStream stream;

    SizeLimitedRequest(
            HttpServletRequest request,
            long maxBytes,
            boolean gzip,
            Function<String, ? extends RuntimeException> tooLarge) {
        super(request);
        this.maxBytes = maxBytes;
        this.gzip = gzip;
        this.tooLarge = tooLarge;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            ServletInputStream raw = super.getInputStream();
            InputStream source = gzip ? new GZIPInputStream(raw) : raw;
            stream = new CountingStream(raw, source);
        }
        return stream;
    }

    @Override
    public long getContentLengthLong() {
        return gzip ? -1 : super.getContentLengthLong();
    }

    @Override
    public int getContentLength() {
        return gzip ? -1 : super.getContentLength();
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                .filter(name -> !hidden(name))
                .toList());
    }

    private boolean hidden(String header) {
        return gzip
                && (Constants.HEADER_CONTENT_ENCODING.equalsIgnoreCase(header)
                        || "Content-Length".equalsIgnoreCase(header));
    }

    private final class CountingStream extends ForwardingInputStream {
        private final InputStream source;
        private long count;

        CountingStream(ServletInputStream raw, InputStream source) {
            super(raw);
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int b = source.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = source.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > maxBytes) {
                throw tooLarge.apply(gzip ? "Decompressed request body" : "Request body");
            }
        }




        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
