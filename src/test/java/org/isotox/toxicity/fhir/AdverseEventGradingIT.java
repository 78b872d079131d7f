package org.isotox.toxicity.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IgExamples;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 24, item 4: a CTCAE grading recorded as an AdverseEvent, as CodeX Radiation Therapy STU2 writes it
 * (its example RadiotherapyAdverseEvent-XRTS-07-22B, {@code src/test/resources/ig-examples/codex-rt/}, with the
 * event, grade and date of this scenario), counts for the stopping rule exactly as the trial's own Observation.
 */
@FhirServerTest
class AdverseEventGradingIT {

    @ParameterizedTest(name = "pneumonitis grade {0} as {1}: severe toxicities {2}")
    @CsvSource({
        "C41340, Observation, 1", "C41340, AdverseEvent, 1",
        "C41339, Observation, 0", "C41339, AdverseEvent, 0"})
    void aGradingCountsTheSameInEitherShape(String grade, String shape, int severe) {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = ihr.enrolNewPatient("2026-01-05");
        TrialFixtures.completeCourse(patient, "2026-01-12", "2026-02-20", 22);

        if (shape.equals("Observation")) {
            TrialFixtures.recordToxicity(patient, TrialFixtures.PNEUMONITIS, grade, "2026-02-10", 0);
        } else {
            fhirRequest(codexAdverseEvent(patient, TrialFixtures.PNEUMONITIS, grade, "2026-02-10")).post("/AdverseEvent")
                    .then().statusCode(201);
        }

        Parameters status = parse(fhirRequest().get("/" + ihr.studyReference() + "/$simon-status").then().statusCode(200)
                .extract().response(), Parameters.class);
        assertThat(status.getParameterValue("severeToxicities").primitiveValue()).isEqualTo(String.valueOf(severe));
        assertThat(status.getParameterValue("evaluable").primitiveValue()).isEqualTo("1");
    }

    /** The CodeX example with this patient, term, grade and date in place of its own (nausea, grade 2, no date). */
    private static AdverseEvent codexAdverseEvent(String patient, String term, String grade, String date) {
        AdverseEvent event = IgExamples.load("codex-rt/AdverseEvent-RadiotherapyAdverseEvent-XRTS-07-22B.json", AdverseEvent.class);
        event.getSuspectEntity().clear();
        event.setSubject(new Reference(patient));
        event.setEvent(new CodeableConcept().addCoding(new Coding(TrialFixtures.NCIT, term, null)));
        ((CodeableConcept) event.getExtensionByUrl("http://hl7.org/fhir/uv/ae-research-ig/StructureDefinition/ae-grade")
                .getValue()).getCodingFirstRep().setCode(grade).setDisplay(null);
        event.setDateElement(new DateTimeType(date));
        return event;
    }
}
