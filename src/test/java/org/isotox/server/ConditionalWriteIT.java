package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.count;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;

/** EHRs push with conditional writes on identifiers and retry: a retry must never duplicate. */
@FhirServerTest
class ConditionalWriteIT {

    private static final String MRN = "urn:isotox:test:mrn";

    @Test
    void sameConditionalCreateSentTwiceGivesOneResource() {
        String mrn = UUID.randomUUID().toString();
        String condition = "identifier=" + MRN + "|" + mrn;

        Response first = conditionalCreate(mrn).then().statusCode(201).extract().response();
        Response retry = conditionalCreate(mrn).then().statusCode(200).extract().response();

        assertThat(idOf(retry)).isEqualTo(idOf(first));
        assertThat(count("Patient", condition)).isEqualTo(1);
    }

    @Test
    void retriedTransactionWithIfNoneExistDoesNotDuplicate() {
        String mrn = UUID.randomUUID().toString();
        Bundle transaction = TransactionIT.patientWithObservations(BundleType.TRANSACTION, mrn, 0);
        transaction.getEntryFirstRep().getRequest().setIfNoneExist("identifier=" + MRN + "|" + mrn);

        Bundle first = bundle(fhirRequest(transaction).post("/").then().statusCode(200).extract().response());
        Bundle retry = bundle(fhirRequest(transaction).post("/").then().statusCode(200).extract().response());

        BundleEntryComponent created = first.getEntryFirstRep();
        BundleEntryComponent matched = retry.getEntryFirstRep();
        assertThat(created.getResponse().getStatus()).startsWith("201");
        assertThat(matched.getResponse().getStatus()).startsWith("200");
        assertThat(matched.getResponse().getLocation()).isEqualTo(created.getResponse().getLocation());
        assertThat(count("Patient", "identifier=" + MRN + "|" + mrn)).isEqualTo(1);
    }

    @Test
    void conditionalUpdateSentTwiceUpdatesOneResource() {
        String mrn = UUID.randomUUID().toString();
        Patient patient = TransactionIT.patient(mrn);
        String url = "/Patient?identifier=" + MRN + "|" + mrn;

        fhirRequest(patient).put(url).then().statusCode(201);
        patient.getNameFirstRep().setFamily("Corrected");
        Response second = fhirRequest(patient).put(url).then().statusCode(200).extract().response();

        assertThat(parse(second, Patient.class).getMeta().getVersionId()).isEqualTo("2");
        assertThat(count("Patient", "identifier=" + MRN + "|" + mrn)).isEqualTo(1);
    }

    @Test
    void concurrentIdenticalConditionalCreatesStoreOneResource() throws Exception {
        String mrn = UUID.randomUUID().toString();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Response>> sends = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sends.add(() -> conditionalCreate(mrn));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> result : pool.invokeAll(sends)) {
                statuses.add(result.get().statusCode());
            }
            assertThat(statuses).contains(201).allMatch(status -> status == 200 || status == 201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("Patient", "identifier=" + MRN + "|" + mrn)).isEqualTo(1);
    }

    private static Response conditionalCreate(String mrn) {
        return fhirRequest(TransactionIT.patient(mrn))
                .header("If-None-Exist", "identifier=" + MRN + "|" + mrn)
                .post("/Patient");
    }

    private static String idOf(Response response) {
        return parse(response, Patient.class).getIdElement().getIdPart();
    }
}
