package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictUtf8Test {

    @Test
    void decodesUtf8AndDropsAByteOrderMark() {
        byte[] text = "{\"family\":\"张伟 Müller \uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        System.arraycopy(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, withBom, 0, 3);
        System.arraycopy(text, 0, withBom, 3, text.length);

        assertThat(StrictUtf8.decode(text)).isEqualTo(new StrictUtf8.Decoded.Text("{\"family\":\"张伟 Müller \uD83D\uDE00\"}"));
        assertThat(StrictUtf8.decode(withBom)).isEqualTo(StrictUtf8.decode(text));
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
        assertThat(StrictUtf8.decode(HexFormat.of().parseHex(hex)))
                .isInstanceOfSatisfying(StrictUtf8.Decoded.Malformed.class, malformed -> assertThat(malformed.problem()).contains(expected));
    }
}
