package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;

import io.restassured.response.Response;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;

/** XML that asks the parser to read the server's files, or to expand entities without end, is refused. */
@FhirServerTest
class HostileRequestIT {

    private static final String EXTERNAL_ENTITY = """
            <?xml version="1.0"?>
            <!DOCTYPE Patient [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <Patient xmlns="http://hl7.org/fhir"><name><family value="&secret;"/></name></Patient>
            """;

    private static final String ENTITY_EXPANSION = """
            <?xml version="1.0"?>
            <!DOCTYPE Patient [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
              <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
            ]>
            <Patient xmlns="http://hl7.org/fhir"><name><family value="&e;"/></name></Patient>
            """;

    @Test
    void anExternalEntityIsNotResolved() {
        int before = Fhir.count("Patient", "");

        Response response = xml(EXTERNAL_ENTITY);

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.asString()).doesNotContain("root:");
        assertThat(Fhir.count("Patient", "")).isEqualTo(before);
    }

    @Test
    void aBillionLaughsIsNotExpanded() {
        int before = Fhir.count("Patient", "");

        Response response = xml(ENTITY_EXPANSION);

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(Fhir.count("Patient", "")).isEqualTo(before);
    }

    private static Response xml(String body) {
        return fhirRequest().contentType("application/fhir+xml; charset=UTF-8").body(body).post("/Patient");
    }
}
