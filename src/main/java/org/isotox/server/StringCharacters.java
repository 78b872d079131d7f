package org.isotox.server;

import java.util.Optional;

/**
 * The characters a FHIR string may hold: none below U+0020 but tab, CR and LF (the string datatype's
 * rule), and no lone surrogate, which no UTF-8 byte sequence can carry (PostgreSQL refuses it, XML
 * cannot serve it).
 */
final class StringCharacters {

    private StringCharacters() {}

    /** The first character {@code text} may not hold, described with its 1-based position. */
    static Optional<String> problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(String.format("the control character U+%04X at position %d", (int) c, i + 1));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("the lone surrogate U+%04X at position %d", (int) c, i + 1));
            }
        }
        return Optional.empty();
    }
}
