package org.isotox.dose.fhir;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.isotox.dose.domain.DeliverySummary;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.FhirDates;

/**
 * What the site has said of a course beyond its delivered fractions, and so the derived summary's
 * status: completed once the active prescription's fractions are delivered; stopped when the
 * prescription was revoked and none is in force or waiting (the revocation's {@code request-statusReason}
 * and notes name the cause), or when the site set the summary itself to stopped and no fraction has
 * been given since; in progress otherwise. A fraction delivered after a stop resumes the course.
 */
final class CourseStatement {

    static final String REQUEST_STATUS_REASON = "http://hl7.org/fhir/StructureDefinition/request-statusReason";
    private static final String SNOMED = "http://snomed.info/sct";
    static final Coding NOT_TOLERATED = new Coding(SNOMED, "407563006", "Treatment not tolerated");
    private static final EnumSet<ServiceRequestStatus> IN_FORCE_OR_WAITING =
            EnumSet.of(ServiceRequestStatus.ACTIVE, ServiceRequestStatus.DRAFT, ServiceRequestStatus.ONHOLD);

    private final List<ServiceRequest> prescriptions;
    private final Optional<Procedure> stored;

    private CourseStatement(List<ServiceRequest> prescriptions, Optional<Procedure> stored) {
        this.prescriptions = prescriptions;
        this.stored = stored;
    }

    /** The patient's prescriptions, and the summary as stored before this derivation. */
    static CourseStatement of(List<ServiceRequest> prescriptions, Optional<Procedure> stored) {
        return new CourseStatement(prescriptions, stored);
    }

    /** Sets the status (and a stop's reason and notes) of the freshly derived {@code course}, and keeps the causes the site gave its breaks. */
    void applyTo(Procedure course, DeliverySummary delivered) {
        keepBreakReasons(course);
        Optional<Integer> prescribed = prescriptions.stream()
                .filter(p -> p.getStatus() == ServiceRequestStatus.ACTIVE)
                .flatMap(p -> PrescribedDose.of(p).stream())
                .map(PrescribedDose::fractions)
                .findFirst();
        Optional<ServiceRequest> revoked = revokedWithoutSuccessor();
        if (prescribed.map(n -> delivered.fractionsDelivered() >= n).orElse(false)) {
            course.setStatus(ProcedureStatus.COMPLETED);
        } else if (revoked.isPresent()) {
            Extension reason = revoked.get().getExtensionByUrl(REQUEST_STATUS_REASON);
            stop(course, reason != null && reason.getValue() instanceof CodeableConcept concept ? concept : null, revoked.get().getNote());
        } else if (stored.filter(s -> s.getStatus() == ProcedureStatus.STOPPED && noFractionSince(s, delivered)).isPresent()) {
            stop(course, stored.get().getStatusReason(), stored.get().getNote());
        }
    }

    private Optional<ServiceRequest> revokedWithoutSuccessor() {
        if (prescriptions.stream().anyMatch(p -> IN_FORCE_OR_WAITING.contains(p.getStatus()))) {
            return Optional.empty();
        }
        return prescriptions.stream()
                .filter(p -> p.getStatus() == ServiceRequestStatus.REVOKED)
                .max(Comparator.comparing(p -> p.getMeta().getLastUpdated(), Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    private static boolean noFractionSince(Procedure stopped, DeliverySummary delivered) {
        return stopped.hasPerformedPeriod()
                && FhirDates.dayOf(stopped.getPerformedPeriod().getEndElement())
                        .map(end -> delivered.lastFractionDate().map(last -> !last.isAfter(end)).orElse(true))
                        .orElse(false);
    }

    private static void stop(Procedure course, CodeableConcept reason, List<org.hl7.fhir.r4.model.Annotation> notes) {
        course.setStatus(ProcedureStatus.STOPPED);
        if (reason != null && !reason.isEmpty()) {
            CodeableConcept given = reason.copy();
            if (given.getCoding().stream().anyMatch(c -> Canonicals.NCIT.equals(c.getSystem()))
                    && given.getCoding().stream().noneMatch(c -> SNOMED.equals(c.getSystem()))) {
                given.addCoding(NOT_TOLERATED.copy()); // mCODE's termination reason for a stop a CTCAE term caused
            }
            course.setStatusReason(given);
        }
        notes.forEach(note -> course.addNote(note.copy()));
    }

    private void keepBreakReasons(Procedure course) {
        if (stored.isEmpty()) {
            return;
        }
        for (Extension derived : course.getExtensionsByUrl(DeliveredCourses.INTERRUPTION)) {
            String start = breakStart(derived);
            stored.get().getExtensionsByUrl(DeliveredCourses.INTERRUPTION).stream()
                    .filter(given -> given.getExtensionByUrl("reason") != null && start.equals(breakStart(given)))
                    .findFirst()
                    .ifPresent(given -> derived.addExtension(given.getExtensionByUrl("reason").copy()));
        }
    }

    private static String breakStart(Extension interruption) {
        Extension period = interruption.getExtensionByUrl("period");
        return period != null && period.getValue() instanceof org.hl7.fhir.r4.model.Period span
                ? FhirDates.dayOf(span.getStartElement()).map(Object::toString).orElse("")
                : "";
    }
}
