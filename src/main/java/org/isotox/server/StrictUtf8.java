package org.isotox.server;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a body as UTF-8, as HAPI reads it whatever charset the request declares, but refuses bytes
 * that are not UTF-8 rather than turning them into replacement characters: Latin-1, CESU-8
 * (surrogates encoded one by one), UTF-16. A byte-order mark is dropped.
 */
final class StrictUtf8 {

    private StrictUtf8() {}

    /** The text, or why the bytes are not UTF-8. */
    sealed interface Decoded {
        record Text(String text) implements Decoded {}

        record Malformed(String problem) implements Decoded {}
    }

    static Decoded decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return new Decoded.Malformed("The body is not UTF-8: invalid byte sequence at byte " + (in.position() + 1)
                    + " (" + hex(bytes, in.position(), result.length()) + ")");
        }
        String text = out.flip().toString();
        return new Decoded.Text(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static String hex(byte[] bytes, int from, int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = from; i < Math.min(bytes.length, from + length); i++) {
            hex.append(hex.isEmpty() ? "" : " ").append(String.format("%02X", bytes[i]));
        }
        return hex.toString();
    }
}
