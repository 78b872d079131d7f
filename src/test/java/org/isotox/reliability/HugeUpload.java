package org.isotox.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Sends 100 MB over a plain socket, as a hostile client would, while reading the answer: a
 * server that refuses early answers and closes before the client has sent it all, which
 * {@code java.net.http} reports only as a broken pipe.
 */
final class HugeUpload {

    record Answer(int status, String body) {}

    static final long HUNDRED_MB = 100L * 1024 * 1024;

    private static final byte[] START = "{\"resourceType\":\"Patient\",\"id\":\"".getBytes(StandardCharsets.US_ASCII);

    private HugeUpload() {}

    static Answer post(int port, String path, String token, boolean chunked, Duration timeout) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Content-Type: application/fhir+json\r\nAccept: application/fhir+json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + HUNDRED_MB + "\r\n")
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(out, chunked));
            Answer answer = read(socket.getInputStream());
            sending.cancel(true);
            return answer;
        }
    }

    private static void send(OutputStream out, boolean chunked) {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        System.arraycopy(START, 0, block, 0, START.length);
        try {
            for (long sent = 0; sent < HUNDRED_MB; sent += block.length) {
                if (chunked) {
                    out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(block);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                Arrays.fill(block, 0, START.length, (byte) 'a');
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (SocketException e) {
            // the server has answered and closed: what a refusal of a huge body looks like
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Status line, headers up to the blank line, then the body until the server closes. */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // reset after the answer: keep what arrived
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int status = Integer.parseInt(text.substring(9, 12));
        String body = text.substring(text.indexOf("\r\n\r\n") + 4);
        boolean chunked = text.substring(0, text.indexOf("\r\n\r\n")).toLowerCase().contains("transfer-encoding: chunked");
        return new Answer(status, chunked ? dechunked(body) : body);
    }

    private static String dechunked(String chunks) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunks.length()) {
            int lineEnd = chunks.indexOf("\r\n", at);
            int size = Integer.parseInt(chunks.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunks, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
