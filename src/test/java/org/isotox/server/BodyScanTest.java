package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyScanTest {

    @Nested
    class Json {

        @ParameterizedTest
        @ValueSource(strings = {
            "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"张伟\"}]}",
            "{\"resourceType\":\"Observation\",\"note\":[{\"text\":\"a\\tb\\nc\\r\\n\"}]}",
            "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"A\"},{\"family\":\"A\"}],\"telecom\":[{\"value\":\"x\"}]}",
            "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"\\ud83d\\ude00\"}]}",
        })
        void passesLegitimateBodies(String body) {
            assertThat(JsonBodyScan.problem(body)).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Nul\\u0000Byte\"}]}|string at /name/0/family (line 1) holds the control character U+0000 at position 4",
            "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"X\\ud800Y\"}]}|string at /name/0/family (line 1) holds the lone surrogate U+D800 at position 2",
            "{\"resourceType\":\"Patient\",\"a\\u0001\":1}|key at /a\u0001 (line 1) holds the control character U+0001",
            "{\"resourceType\":\"Patient\",\"active\":true,\"active\":false}|Duplicate field 'active'",
            "\u0000[\u0000{\u0000}\u0000]|Could not parse the body as JSON",
        })
        void refusesMalformedContent(String body, String expected) {
            assertThat(JsonBodyScan.problem(body)).hasValueSatisfying(problem -> assertThat(problem).contains(expected));
        }
    }

    @Nested
    class Xml {

        @ParameterizedTest
        @ValueSource(strings = {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"Müller\"/></name></Patient>",
            "<Patient xmlns=\"http://hl7.org/fhir\"><text><status value=\"generated\"/><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a<b>b</b></p></div></text></Patient>",
            "<f:Patient xmlns:f=\"http://hl7.org/fhir\"><f:active value=\"true\"/></f:Patient>",
        })
        void passesLegitimateBodies(String body) {
            assertThat(XmlBodyScan.problem(body)).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Patient xmlns=\"http://hl7.org/fhir\"/>|declares the encoding ISO-8859-1; FHIR XML must be UTF-8",
            "<Patient xmlns=\"http://hl7.org/fhir\"><active xmlns=\"urn:evil\" value=\"true\"/></Patient>|<active> at line 1 is not in the FHIR namespace http://hl7.org/fhir but in urn:evil",
            "<Patient xmlns=\"http://hl7.org/fhir\" xmlns:e=\"urn:evil\"><e:active value=\"true\"/></Patient>|<active> at line 1 is not in the FHIR namespace",
            "<Patient xmlns=\"http://hl7.org/fhir\"><active value=\"true\" xmlns=\"\"/></Patient>|<active> at line 1 is not in the FHIR namespace",
            "<div xmlns=\"http://www.w3.org/1999/xhtml\"/>|<div> at line 1 is not in the FHIR namespace",
            "<Patient xmlns=\"http://example.org/not-fhir\"/>|<Patient> at line 1 is not in the FHIR namespace",
            "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"A&#1;\"/></name></Patient>|Could not parse the body as XML",
        })
        void refusesMalformedContent(String body, String expected) {
            assertThat(XmlBodyScan.problem(body)).hasValueSatisfying(problem -> assertThat(problem).contains(expected));
        }
    }
}
