package org.isotox.response.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.isotox.fhir.KeptWork;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The time-point responses the server derives when lesion measurements are written, corrected
 * or deleted. Patient: target T1 (in the irradiated field) 40 mm, target node N1 20 mm short axis,
 * non-target E1; baseline sum 60 mm.
 */
@FhirServerTest
class TimepointResponseIT {

    private static final String ISOTOX = "https://isotox.org/fhir/CodeSystem/isotox";
    private static final String PROFILE = "https://isotox.org/fhir/StructureDefinition/isotox-recist-lesion-measurement";

    @Autowired
    IInterceptorService storageInterceptors;

    @Autowired
    KeptWork keptWork;

    private String patient;

    @BeforeEach
    void baseline() {
        patient = "Patient/" + create(new Patient());
        create(target("2026-01-05", "T1", "40", false, true));
        create(target("2026-01-05", "N1", "20", true, false));
        create(nonTarget("2026-01-05", "E1", "present"));
    }

    @Test
    void theBaselineAloneHasNoResponse() {
        assertThat(responses()).isEmpty();
    }

    @Test
    void aFollowUpGetsItsResponseDerivedFromAllItsMeasurements() {
        // 28 + 14 = 42 mm: -30.00 % from 60 mm, PR (section 4.3.1); E1 present: overall PR (Table 1).
        String t1 = "Observation/" + create(target("2026-03-02", "T1", "28", false, false));
        String n1 = "Observation/" + create(target("2026-03-02", "N1", "14", true, false));
        String e1 = "Observation/" + create(nonTarget("2026-03-02", "E1", "present"));

        Observation response = single(responses());

        assertThat(response.getMeta().getProfile()).extracting(p -> p.getValue())
                .contains("https://isotox.org/fhir/StructureDefinition/isotox-recist-timepoint-response");
        assertThat(response.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-03-02");
        assertThat(response.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("PR");
        assertThat(response.getDerivedFrom()).extracting(Reference::getReference).containsExactlyInAnyOrder(t1, n1, e1);
        assertThat(((Quantity) component(response, "recist-sum-of-diameters")).getValue()).isEqualByComparingTo("42");
        assertThat(code(component(response, "recist-target-response"))).isEqualTo("PR");
        assertThat(code(component(response, "recist-nontarget-response"))).isEqualTo("non-CR/non-PD");
        assertThat(((BooleanType) component(response, "recist-new-lesion")).booleanValue()).isFalse();
    }

    @Test
    void aCorrectedMeasurementChangesTheStoredResponseWithoutAddingOne() {
        Observation t1 = target("2026-03-02", "T1", "28", false, false);
        t1.setId(create(t1));
        create(target("2026-03-02", "N1", "14", true, false));
        create(nonTarget("2026-03-02", "E1", "present"));
        Observation before = single(responses());
        assertThat(before.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("PR");

        // T1 was 34 mm, not 28: 48 mm is -20 %, SD.
        t1.setValue(mm("34"));
        fhirRequest(t1).put("/Observation/" + t1.getIdElement().getIdPart()).then().statusCode(200);

        Observation after = single(responses());
        assertThat(after.getIdElement().getIdPart()).isEqualTo(before.getIdElement().getIdPart());
        assertThat(after.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("SD");
        assertThat(((Quantity) component(after, "recist-sum-of-diameters")).getValue()).isEqualByComparingTo("48");
    }

    @Test
    void aCorrectedBaselineRecomputesEveryTimepoint() {
        create(target("2026-03-02", "T1", "34", false, false));
        create(target("2026-03-02", "N1", "14", true, false));
        create(nonTarget("2026-03-02", "E1", "present"));
        create(target("2026-06-01", "T1", "34", false, false));
        create(target("2026-06-01", "N1", "14", true, false));
        create(nonTarget("2026-06-01", "E1", "present"));
        assertThat(responses()).extracting(TimepointResponseIT::overall).containsExactly("SD", "SD");

        // the baseline T1 was 60 mm: baseline sum 80, 48 mm is -40 %: PR at both time points.
        Observation baselineT1 = stored("2026-01-05", "T1");
        baselineT1.setValue(mm("60"));
        fhirRequest(baselineT1).put("/Observation/" + baselineT1.getIdElement().getIdPart()).then().statusCode(200);

        assertThat(responses()).extracting(TimepointResponseIT::overall).containsExactly("PR", "PR");
    }

    @Test
    void aTransactionWithANewLesionGivesOneProgressionOutOfField() {
        fhirRequest(visitWithANewLesion()).post("/").then().statusCode(200);

        Observation response = single(responses());
        assertThat(overall(response)).isEqualTo("PD");
        assertThat(((BooleanType) component(response, "recist-new-lesion")).booleanValue()).isTrue();
        assertThat(((BooleanType) component(response, "recist-progression-in-field")).booleanValue()).isFalse();
        assertThat(response.getDerivedFrom()).hasSize(4);
    }

    /** Storing the derived responses fails: they are work kept with the commit ({@code KeptWork}), derived later. */
    @Interceptor
    static final class ResponsesCannotBeStored {
        @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
        void created(IBaseResource resource) {
            if (resource instanceof Observation observation && observation.getCode().hasCoding(ISOTOX, "recist-timepoint-response")) {
                throw new InternalErrorException("derived records cannot be stored (test)");
            }
        }
    }

    /**
     * The responses of a transaction's measurements are derived after its commit. When that fails (twice), the client
     * is answered its write's outcome, and the responses are derived later from the work kept with the commit (before,
     * the client got an error for a committed write and the responses waited for the next measurement).
     */
    @Test
    void aTransactionsResponsesThatFailAfterTheCommitAreDerivedLater() {
        ResponsesCannotBeStored failing = new ResponsesCannotBeStored();
        storageInterceptors.registerInterceptor(failing);
        try {
            fhirRequest(visitWithANewLesion()).post("/").then().statusCode(200);
            assertThat(responses()).isEmpty();
        } finally {
            storageInterceptors.unregisterInterceptor(failing);
        }

        keptWork.doKeptBefore(Instant.now());

        assertThat(overall(single(responses()))).isEqualTo("PD");
    }

    private Bundle visitWithANewLesion() {
        return Fhir.creating(BundleType.TRANSACTION, List.of(
                target("2026-03-02", "T1", "40", false, false),
                target("2026-03-02", "N1", "20", true, false),
                nonTarget("2026-03-02", "E1", "present"),
                newLesion("2026-03-02", "NL1")));
    }

    @Test
    void theInFieldTargetGrowingIsALocalProgression() {
        // 50 + 22 = 72 mm: +20 % and +12 mm over the nadir (the baseline, 60 mm): PD; T1, in field, grew.
        create(target("2026-03-02", "T1", "50", false, false));
        create(target("2026-03-02", "N1", "22", true, false));
        create(nonTarget("2026-03-02", "E1", "present"));

        Observation response = single(responses());
        assertThat(overall(response)).isEqualTo("PD");
        assertThat(((BooleanType) component(response, "recist-progression-in-field")).booleanValue()).isTrue();
    }

    @Test
    void deletingTheMeasurementsOfADateRemovesItsResponse() {
        String t1 = create(target("2026-03-02", "T1", "28", false, false));
        String n1 = create(target("2026-03-02", "N1", "14", true, false));
        String e1 = create(nonTarget("2026-03-02", "E1", "present"));
        assertThat(responses()).hasSize(1);

        // without E1 the time point is still evaluable (non-target NE, targets PR: overall PR)
        fhirRequest().delete("/Observation/" + e1).then().statusCode(200);
        Observation partial = single(responses());
        assertThat(code(component(partial, "recist-nontarget-response"))).isEqualTo("NE");
        assertThat(partial.getDerivedFrom()).hasSize(2);

        fhirRequest().delete("/Observation/" + t1).then().statusCode(200);
        fhirRequest().delete("/Observation/" + n1).then().statusCode(200);
        assertThat(responses()).isEmpty();
    }

    private List<Observation> responses() {
        Bundle found = bundle(fhirRequest().header("Cache-Control", "no-cache")
                .get("/Observation?subject=" + patient + "&code=" + ISOTOX + "|recist-timepoint-response&_sort=date")
                .then().statusCode(200).extract().response());
        return found.getEntry().stream().map(e -> (Observation) e.getResource()).toList();
    }

    private Observation stored(String date, String id) {
        Bundle found = bundle(fhirRequest().header("Cache-Control", "no-cache")
                .get("/Observation?subject=" + patient + "&code=" + ISOTOX + "|recist-lesion-measurement&date=" + date)
                .then().statusCode(200).extract().response());
        return found.getEntry().stream().map(e -> (Observation) e.getResource())
                .filter(o -> id.equals(((StringType) component(o, "recist-lesion-id")).getValue()))
                .findFirst()
                .orElseThrow();
    }

    private static Observation single(List<Observation> responses) {
        assertThat(responses).hasSize(1);
        return responses.get(0);
    }

    private static String overall(Observation response) {
        return response.getValueCodeableConcept().getCodingFirstRep().getCode();
    }

    private Observation target(String date, String id, String diameter, boolean node, boolean inField) {
        Observation measurement = measurement(date, id, true, node);
        measurement.setValue(mm(diameter));
        if (inField) {
            flag(measurement, "recist-lesion-in-field", true);
        }
        return measurement;
    }

    private Observation nonTarget(String date, String id, String status) {
        Observation measurement = measurement(date, id, false, false);
        measurement.setValue(new CodeableConcept().addCoding(
                new Coding("https://isotox.org/fhir/CodeSystem/recist-lesion-status", status, null)));
        return measurement;
    }

    private Observation newLesion(String date, String id) {
        Observation measurement = nonTarget(date, id, "present");
        flag(measurement, "recist-new-lesion", true);
        return measurement;
    }

    private Observation measurement(String date, String id, boolean target, boolean node) {
        Observation measurement = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        measurement.getMeta().addProfile(PROFILE);
        measurement.getCode().addCoding(new Coding(ISOTOX, "recist-lesion-measurement", null));
        measurement.setSubject(new Reference(patient));
        measurement.setEffective(new DateTimeType(date));
        measurement.addComponent().setCode(isotox("recist-lesion-id")).setValue(new StringType(id));
        flag(measurement, "recist-target-lesion", target);
        flag(measurement, "recist-lymph-node", node);
        return measurement;
    }

    private static void flag(Observation measurement, String code, boolean value) {
        measurement.addComponent().setCode(isotox(code)).setValue(new BooleanType(value));
    }

    private static CodeableConcept isotox(String code) {
        return new CodeableConcept().addCoding(new Coding(ISOTOX, code, null));
    }

    private static Quantity mm(String value) {
        return new Quantity().setValue(new BigDecimal(value)).setUnit("mm").setSystem("http://unitsofmeasure.org").setCode("mm");
    }

    private static Type component(Observation observation, String code) {
        return observation.getComponent().stream()
                .filter(c -> code.equals(c.getCode().getCodingFirstRep().getCode()))
                .map(ObservationComponentComponent::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + code));
    }

    private static String code(Type value) {
        return ((CodeableConcept) value).getCodingFirstRep().getCode();
    }
}
