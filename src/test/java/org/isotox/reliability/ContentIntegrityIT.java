package org.isotox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.DatabaseRows;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Malformed content that the one-request corpus cannot express (issue 28, item 2): refusals that must
 * name what is wrong, patches of a stored resource, ValueSets written one after the other; and the
 * legitimate content next to it that must still be stored as sent.
 */
@FhirServerTest
class ContentIntegrityIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String FHIR_JSON = "application/fhir+json";
    private static final String FHIR_XML = "application/fhir+xml";
    private static final String JSON_PATCH = "application/json-patch+json";

    record Answer(int status, String body) {
        OperationOutcome outcome() {
            return Fhir.R4.newJsonParser().parseResource(OperationOutcome.class, body);
        }

        String diagnostics() {
            return outcome().getIssueFirstRep().getDiagnostics();
        }
    }

    @Test
    void nulInAValidPatientIsRefusedNamingTheElement() throws Exception {
        long before = DatabaseRows.resourceVersions();

        Answer answer = send("POST", "/Patient", FHIR_JSON,
                utf8("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Nul\\u0000Byte\"}],\"gender\":\"female\"}"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.diagnostics()).contains("/name/0/family", "U+0000");
        assertThat(DatabaseRows.resourceVersions()).isEqualTo(before);
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingTheKey() throws Exception {
        Answer answer = send("POST", "/Patient", FHIR_JSON, utf8("{\"resourceType\":\"Patient\",\"active\":true,\"active\":false}"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.diagnostics()).contains("Duplicate", "'active'");
    }

    @Test
    void aForeignElementInXmlIsRefusedNamingIt() throws Exception {
        Answer answer = send("POST", "/Patient", FHIR_XML,
                utf8("<Patient xmlns=\"http://hl7.org/fhir\"><active xmlns=\"urn:evil\" value=\"true\"/></Patient>"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.diagnostics()).contains("<active>", "urn:evil");
    }

    @Test
    void aJsonPatchInUtf16IsRefusedAndChangesNothing() throws Exception {
        String id = Fhir.create(new Patient().addName(new HumanName().setFamily("Before")));
        String patch = "[{\"op\":\"replace\",\"path\":\"/name/0/family\",\"value\":\"Após\"}]";

        Answer withBom = send("PATCH", "/Patient/" + id, JSON_PATCH, patch.getBytes(StandardCharsets.UTF_16));
        Answer withoutBom = send("PATCH", "/Patient/" + id, JSON_PATCH, patch.getBytes(StandardCharsets.UTF_16LE));
        Answer declared = send("PATCH", "/Patient/" + id, JSON_PATCH + "; charset=UTF-16", patch.getBytes(StandardCharsets.UTF_16));

        assertThat(withBom.status()).as(withBom.body()).isEqualTo(400);
        assertThat(withoutBom.status()).as(withoutBom.body()).isEqualTo(400);
        assertThat(declared.status()).as(declared.body()).isEqualTo(400);
        assertThat(familyOf(id)).isEqualTo("Before");
    }

    @Test
    void aPatchThatWouldStoreAControlCharacterIsRefused() throws Exception {
        String id = Fhir.create(new Patient().addName(new HumanName().setFamily("Before")));

        Answer jsonPatch = send("PATCH", "/Patient/" + id, JSON_PATCH,
                utf8("[{\"op\":\"replace\",\"path\":\"/name/0/family\",\"value\":\"Bell\\u0007\"}]"));
        Answer fhirPathPatch = send("PATCH", "/Patient/" + id, FHIR_JSON, utf8("""
                {"resourceType":"Parameters","parameter":[{"name":"operation","part":[
                 {"name":"type","valueCode":"replace"},{"name":"path","valueString":"Patient.name[0].family"},
                 {"name":"value","valueString":"Nul\\u0000"}]}]}"""));

        assertThat(jsonPatch.status()).as(jsonPatch.body()).isEqualTo(400);
        assertThat(fhirPathPatch.status()).as(fhirPathPatch.body()).isEqualTo(400);
        assertThat(familyOf(id)).isEqualTo("Before");
    }

    @Test
    void aBodyIsReadAsUtf8WhateverCharsetItDeclares() throws Exception {
        long before = DatabaseRows.resourceVersions();

        Answer latin1 = send("POST", "/Patient", FHIR_JSON + "; charset=ISO-8859-1",
                "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"René\"}]}".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(latin1.status()).as(latin1.body()).isEqualTo(400);
        assertThat(latin1.diagnostics()).contains("not UTF-8", "(E9)");
        assertThat(DatabaseRows.resourceVersions()).isEqualTo(before);
    }

    @Test
    void valueSetsIncludingEachOtherAreRefusedWhenTheSecondIsWritten() throws Exception {
        String base = "http://isotox.test/ValueSet/" + UUID.randomUUID();
        Answer first = send("POST", "/ValueSet", FHIR_JSON, utf8(valueSet(base + "-a", base + "-b")));
        Answer second = send("POST", "/ValueSet", FHIR_JSON, utf8(valueSet(base + "-b", base + "-a")));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(422);
        assertThat(second.diagnostics()).contains(base + "-b includes " + base + "-a includes " + base + "-b");
        assertThat(Fhir.count("ValueSet", "url=" + base + "-b")).isZero();
    }

    @Test
    void legitimateTextIsStoredAsSent() throws Exception {
        Answer chinese = send("POST", "/Patient", FHIR_JSON,
                utf8("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"张\",\"given\":[\"伟\"]},{\"family\":\"Müller\"}]}"));
        Answer xml = send("POST", "/Patient", FHIR_XML, utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Patient xmlns="http://hl7.org/fhir">
                  <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>Zoë <b>Müller</b>, 张伟</p></div></text>
                  <name><family value="Müller"/><given value="Zoë"/></name>
                </Patient>"""));
        Observation withNote = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        withNote.getCode().setText("free-text remark");
        withNote.addNote().setText("first line\n\tindented second line\r\nthird");
        Answer note = send("POST", "/Observation", FHIR_JSON, utf8(Fhir.json(withNote)));

        assertThat(chinese.status()).as(chinese.body()).isEqualTo(201);
        assertThat(xml.status()).as(xml.body()).isEqualTo(201);
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        Patient stored = Fhir.R4.newJsonParser().parseResource(Patient.class, chinese.body());
        assertThat(stored.getName()).extracting(name -> name.getFamily()).containsExactly("张", "Müller");
        Patient fromXml = Fhir.R4.newJsonParser().parseResource(Patient.class, xml.body());
        assertThat(fromXml.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Zoë");
        assertThat(fromXml.getText().getDivAsString()).contains("张伟");
        assertThat(Fhir.R4.newJsonParser().parseResource(Observation.class, note.body()).getNoteFirstRep().getText())
                .isEqualTo("first line\n\tindented second line\r\nthird");
    }

    private static String valueSet(String url, String includes) {
        return "{\"resourceType\":\"ValueSet\",\"url\":\"" + url + "\",\"status\":\"active\","
                + "\"compose\":{\"include\":[{\"valueSet\":[\"" + includes + "\"]}]}}";
    }

    private static String familyOf(String id) throws Exception {
        Answer read = send("GET", "/Patient/" + id, null, null);
        return Fhir.R4.newJsonParser().parseResource(Patient.class, read.body()).getNameFirstRep().getFamily();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Answer send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/fhir" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Tokens.of(RestAssured.port, Tokens.COORDINATOR))
                .header("Accept", FHIR_JSON)
                .header("Prefer", "return=representation")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }
}
