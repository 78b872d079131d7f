package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StringCharactersTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "tab\there", "line\nbreak", "crlf\r\n", "张伟", "Müller", "emoji \uD83D\uDE00", "DEL \u007F", " "})
    void allowsWhatAFhirStringMayHold(String text) {
        assertThat(StringCharacters.problem(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0000|the control character U+0000 at position 2",
        "0001|the control character U+0001 at position 2",
        "001F|the control character U+001F at position 2",
        "000B|the control character U+000B at position 2",
        "000C|the control character U+000C at position 2",
        "D800|the lone surrogate U+D800 at position 2",
        "DC00|the lone surrogate U+DC00 at position 2",
    })
    void findsTheFirstForbiddenCharacter(String hex, String expected) {
        String text = "X" + (char) Integer.parseInt(hex, 16) + "Y";
        assertThat(StringCharacters.problem(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "end\uD83D", "\uDE00\uD83D"})
    void refusesSurrogatesOutOfOrderOrCutShort(String text) {
        assertThat(StringCharacters.problem(text)).isPresent();
    }
}
