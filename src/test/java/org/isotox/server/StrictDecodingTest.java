package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictDecodingTest {

    @Test
    void decodesUtf8AndDropsAByteOrderMark() {
        byte[] text = "{\"family\":\"张伟 Müller \uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        System.arraycopy(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, withBom, 0, 3);
        System.arraycopy(text, 0, withBom, 3, text.length);

        assertThat(StrictDecoding.decode(text, StandardCharsets.UTF_8)).isEqualTo(new StrictDecoding.Decoded.Text("{\"family\":\"张伟 Müller \uD83D\uDE00\"}"));
        assertThat(StrictDecoding.decode(withBom, StandardCharsets.UTF_8)).isEqualTo(StrictDecoding.decode(text, StandardCharsets.UTF_8));
    }

    @Test
    void decodesTheCharsetABodyDeclares() {
        assertThat(StrictDecoding.decode(new byte[] {0x52, 0x65, 0x6E, (byte) 0xE9}, StandardCharsets.ISO_8859_1))
                .isEqualTo(new StrictDecoding.Decoded.Text("René"));
        assertThat(StrictDecoding.decode("[\"Após\"]".getBytes(StandardCharsets.UTF_16), StandardCharsets.UTF_16))
                .isEqualTo(new StrictDecoding.Decoded.Text("[\"Após\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Latin-1 é, 52656EE9, invalid byte sequence at byte 4 (E9)",
        "CESU-8 surrogate pair, 41EDA0BDEDB880, invalid byte sequence at byte 2 (ED A0 BD)",
        "UTF-16 byte-order mark, FEFF005B, invalid byte sequence at byte 1 (FE)",
        "overlong slash, C0AF, invalid byte sequence at byte 1 (C0)",
        "truncated sequence, 41E282, invalid byte sequence at byte 2",
    })
    void refusesWhatIsNotUtf8(String name, String hex, String expected) {
        assertThat(StrictDecoding.decode(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(StrictDecoding.Decoded.Malformed.class, malformed -> assertThat(malformed.problem()).contains(expected));
    }
}
