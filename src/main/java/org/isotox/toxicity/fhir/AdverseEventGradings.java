package org.isotox.toxicity.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.AdverseEvent.AdverseEventActuality;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.FhirDates;
import org.isotox.toxicity.domain.ToxicityRecord;

/**
 * A CTCAE grading recorded as an AdverseEvent, the way the HL7 Adverse Event Clinical Research IG (R5, and
 * its R4 backport) and CodeX Radiation Therapy record it: the term in {@code event} (NCIt), the grade in the
 * {@code ae-grade} extension (an NCIt grade code), dated by {@code date} (else {@code detected}, else
 * {@code recordedDate}). A potential event, or one without an NCIt term, a grade or a day, is no grading.
 * MedDRA-coded events are not read: the project holds no MedDRA to NCIt map.
 */
final class AdverseEventGradings {

    static final List<String> GRADE_EXTENSIONS = List.of(
            "http://hl7.org/fhir/uv/ae-research-ig/StructureDefinition/ae-grade",
            "http://hl7.org/fhir/uv/ae-research-backport-ig/StructureDefinition/ae-grade");

    private AdverseEventGradings() {}

    static Optional<PatientToxicity> recordOf(AdverseEvent event, CtcaeGrades grades) {
        if (event.getActuality() == AdverseEventActuality.POTENTIAL || !event.getSubject().hasReference()) {
            return Optional.empty();
        }
        Optional<Coding> term = event.getEvent().getCoding().stream()
                .filter(c -> Canonicals.NCIT.equals(c.getSystem()) && c.hasCode())
                .findFirst();
        OptionalInt grade = GRADE_EXTENSIONS.stream()
                .map(event::getExtensionByUrl)
                .filter(e -> e != null && e.getValue() instanceof CodeableConcept)
                .map(Extension::getValue)
                .map(value -> grades.gradeIn((CodeableConcept) value))
                .filter(OptionalInt::isPresent)
                .findFirst()
                .orElse(OptionalInt.empty());
        Optional<LocalDate> day = FhirDates.preciseDay(event.getDateElement())
                .or(() -> FhirDates.preciseDay(event.getDetectedElement()))
                .or(() -> FhirDates.preciseDay(event.getRecordedDateElement()));
        if (term.isEmpty() || grade.isEmpty() || day.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PatientToxicity(event.getSubject().getReference(), new ToxicityRecord(
                new ToxicityRecord.Term(term.get().getSystem(), term.get().getCode()),
                grade.getAsInt(),
                0,
                day.get(),
                "AdverseEvent/" + event.getIdElement().getIdPart())));
    }
}
