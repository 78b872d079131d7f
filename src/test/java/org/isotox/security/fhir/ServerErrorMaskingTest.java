package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class ServerErrorMaskingTest {

    private final ServerErrorMasking masking = new ServerErrorMasking();

    @Test
    void aDatabaseFailureReachesTheClientAsAnIncidentNumberOnly() {
        RuntimeException sql = new IllegalStateException(
                "could not execute statement [ERROR: duplicate key value violates unique constraint \"idx_res_id\"] [insert into hfj_resource ...]");

        BaseServerResponseException answer = masking.mask(sql);

        assertThat(answer.getStatusCode()).isEqualTo(500);
        String diagnostics = ((OperationOutcome) answer.getOperationOutcome()).getIssueFirstRep().getDiagnostics();
        assertThat(diagnostics).containsPattern("incident [0-9a-f-]{36}").doesNotContain("hfj_resource", "constraint", "insert");
        assertThat(answer.getMessage()).doesNotContain("hfj_resource");
    }

    @Test
    void aHapiInternalErrorWithDetailsIsMaskedToo() {
        BaseServerResponseException answer = masking.mask(new InternalErrorException("org.hibernate.exception.SQLGrammarException: select ..."));

        assertThat(answer.getMessage()).doesNotContain("hibernate", "select");
    }

    @Test
    void aSearchParameterThatDoesNotParseIsABadRequest() {
        ca.uhn.fhir.parser.DataFormatException unparseable = org.junit.jupiter.api.Assertions.assertThrows(
                ca.uhn.fhir.parser.DataFormatException.class, () -> new ca.uhn.fhir.rest.param.DateParam("2026-13-45"));

        BaseServerResponseException answer = masking.mask(unparseable);

        assertThat(answer.getStatusCode()).isEqualTo(400);
        assertThat(answer.getMessage()).contains("2026-13-45");
    }

    @Test
    void aParseFailureInsideTheServerStaysMasked() {
        BaseServerResponseException answer = masking.mask(new ca.uhn.fhir.parser.DataFormatException("stored resource is corrupt"));

        assertThat(answer.getStatusCode()).isEqualTo(500);
        assertThat(answer.getMessage()).doesNotContain("corrupt");
    }

    @Test
    void aDeliberateClientErrorPassesUnchanged() {
        InvalidRequestException invalid = new InvalidRequestException("Parameter 'asOf' is not a day");

        assertThat(masking.mask(invalid)).isSameAs(invalid);
    }
}
