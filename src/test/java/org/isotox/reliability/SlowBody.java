package org.isotox.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.isotox.reliability.HugeUpload.Answer;

/**
 * A client that sends a request body a byte at a time, {@code pause} apart, over a plain socket: after
 * {@code bytes} bytes it stops sending and waits for the answer (with a chunked body that never ends:
 * no closing chunk). The answer is read while sending, as a server may answer before the body is whole.
 */
final class SlowBody {

    private SlowBody() {}

    static Answer post(int port, String path, String token, int bytes, Duration pause, boolean chunked, Duration timeout)
            throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Content-Type: application/fhir+json\r\nAccept: application/fhir+json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + (bytes + 1) + "\r\n")
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread sending = new Thread(() -> trickle(out, bytes, pause, chunked), "slow-body");
            sending.setDaemon(true);
            sending.start();
            try {
                return HugeUpload.read(socket.getInputStream());
            } finally {
                sending.interrupt();
            }
        }
    }

    private static void trickle(OutputStream out, int bytes, Duration pause, boolean chunked) {
        try {
            for (int i = 0; i < bytes; i++) {
                out.write((chunked ? "1\r\n \r\n" : " ").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(pause.toMillis());
            }
        } catch (IOException | InterruptedException e) {
            // the server has answered and closed, or the test is over
        }
    }
}
