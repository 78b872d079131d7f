package org.isotox.dose.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.InterceptorInvocationTimingEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.isotox.dose.domain.DeliveredFraction;
import org.isotox.dose.domain.DeliverySummary;
import org.isotox.dose.domain.InterruptionRule;
import org.isotox.dose.domain.TreatmentInterruption;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.DeferredOnce;
import org.isotox.fhir.DerivedWrites;
import org.isotox.fhir.FhirDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps each patient's course summary (mCODE RadiotherapyCourseSummary shape) up to date from the
 * delivered-fraction records ({@code isotox#radiotherapy-fraction} Procedures): fractions and dose
 * delivered, the period, and every interruption, a gap between consecutive fractions longer than
 * the routine one (a weekend). The course is completed once the active prescription's fractions
 * are delivered.
 */
@Component
@Interceptor
class CourseSummaryDeriver {

    static final String FRACTION = "radiotherapy-fraction";
    static final String SUMMARY_IDENTIFIER = Canonicals.BASE + "/sid/derived-course-summary";
    private static final String DOSE_DELIVERED = Canonicals.structureDefinition("dose-delivered-to-volume");

    private final DaoRegistry daoRegistry;
    private final InterruptionRule routine;

    CourseSummaryDeriver(
            DaoRegistry daoRegistry, @Value("${isotox.delivery.longest-routine-gap-days:3}") int longestRoutineGapDays) {
        this.daoRegistry = daoRegistry;
        this.routine = new InterruptionRule(longestRoutineGapDays);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    void created(IBaseResource resource, TransactionDetails transaction, InterceptorInvocationTimingEnum timing) {
        written(resource, false, transaction, timing);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current, TransactionDetails transaction,
            InterceptorInvocationTimingEnum timing) {
        written(current, false, transaction, timing);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    void deleted(IBaseResource resource, TransactionDetails transaction, InterceptorInvocationTimingEnum timing) {
        written(resource, true, transaction, timing);
    }

    /** A transaction's fractions and prescriptions of one patient are summarised once ({@link DeferredOnce}). */
    private void written(IBaseResource resource, boolean deleted, TransactionDetails transaction,
            InterceptorInvocationTimingEnum timing) {
        Reference subject;
        if (resource instanceof Procedure fraction && isFraction(fraction)) {
            subject = fraction.getSubject();
        } else if (resource instanceof ServiceRequest prescription && PrescriptionGuard.isPrescription(prescription)) {
            subject = prescription.getSubject();
        } else {
            return;
        }
        if (subject.hasReference() && DeferredOnce.first("course-summary", subject.getReference(), transaction, timing)) {
            derive(subject.getReference(), new PendingWrite(resource, deleted), transaction);
        }
    }

    /**
     * The summary is written in the write's own transaction details, so that several fractions in
     * one transaction Bundle update one summary: the second finds the summary the first created
     * through the transaction's resolved match URLs, which the database cannot show it yet. For the
     * same reason the written fraction or prescription is laid over the stored ones.
     */
    private void derive(String patient, PendingWrite write, TransactionDetails transaction) {
        List<Procedure> fractions = write.over(storedFractions(patient), Procedure.class);
        List<DeliveredFraction> delivered = fractions.stream()
                .filter(f -> f.getStatus() == ProcedureStatus.COMPLETED && f.hasPerformedDateTimeType())
                .map(CourseSummaryDeriver::delivered)
                .flatMap(Optional::stream)
                .toList();
        if (delivered.isEmpty()) {
            return; // nothing delivered: no course to summarise
        }
        DeliverySummary summary = DeliverySummary.of(delivered, routine);
        Optional<CodeableConcept> volume = fractions.stream()
                .map(f -> f.getExtensionByUrl(DOSE_DELIVERED))
                .filter(e -> e != null && e.getExtensionByUrl("volume") != null)
                .map(e -> (CodeableConcept) e.getExtensionByUrl("volume").getValue())
                .findFirst();
        String patientId = new org.hl7.fhir.r4.model.IdType(patient).getIdPart();
        String summaryMatch = "Procedure?identifier=" + SUMMARY_IDENTIFIER + "|" + patientId;
        Procedure course = courseSummary(patient, patientId, summary, volume);
        CourseStatement.of(write.over(storedPrescriptions(patient), ServiceRequest.class), storedSummary(patientId))
                .applyTo(course, summary);
        daoRegistry.getResourceDao(Procedure.class).update(
                course, summaryMatch, true, false, DerivedWrites.request(), transaction);
    }

    private static boolean isFraction(Procedure procedure) {
        return procedure.getCode().getCoding().stream()
                .anyMatch(c -> Canonicals.ISOTOX_CODES.equals(c.getSystem()) && FRACTION.equals(c.getCode()));
    }

    private static Optional<DeliveredFraction> delivered(Procedure fraction) {
        Extension dose = fraction.getExtensionByUrl(DOSE_DELIVERED);
        Extension total = dose == null ? null : dose.getExtensionByUrl("totalDoseDelivered");
        if (total == null || !(total.getValue() instanceof Quantity quantity)) {
            return Optional.empty();
        }
        return FhirDates.dayOf(fraction.getPerformedDateTimeType())
                .map(date -> new DeliveredFraction(date, DoseQuantities.gray(quantity)));
    }

    private List<Procedure> storedFractions(String patient) {
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Procedure.SP_SUBJECT, new ReferenceParam(patient))
                .add(Procedure.SP_CODE, new TokenParam(Canonicals.ISOTOX_CODES, FRACTION));
        return daoRegistry.getResourceDao(Procedure.class).search(query, new SystemRequestDetails()).getAllResources()
                .stream()
                .map(Procedure.class::cast)
                .toList();
    }

    private List<ServiceRequest> storedPrescriptions(String patient) {
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(ServiceRequest.SP_SUBJECT, new ReferenceParam(patient))
                .add(ServiceRequest.SP_CODE, new TokenParam("http://snomed.info/sct", PrescriptionGuard.PRESCRIPTION_CODE));
        return daoRegistry.getResourceDao(ServiceRequest.class).search(query, new SystemRequestDetails()).getAllResources()
                .stream()
                .map(ServiceRequest.class::cast)
                .toList();
    }

    private Optional<Procedure> storedSummary(String patientId) {
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Procedure.SP_IDENTIFIER, new TokenParam(SUMMARY_IDENTIFIER, patientId));
        return daoRegistry.getResourceDao(Procedure.class).search(query, new SystemRequestDetails()).getAllResources()
                .stream()
                .map(Procedure.class::cast)
                .findFirst();
    }

    private static Procedure courseSummary(
            String patient,
            String patientId,
            DeliverySummary summary,
            Optional<CodeableConcept> volume) {
        Procedure course = new Procedure().setStatus(ProcedureStatus.INPROGRESS).setSubject(new Reference(patient));
        course.getMeta().addProfile(Canonicals.structureDefinition("isotox-radiotherapy-course-summary"));
        course.addIdentifier().setSystem(SUMMARY_IDENTIFIER).setValue(patientId);
        course.getCategory().addCoding(new Coding("http://snomed.info/sct", "1287742003", "Radiotherapy (procedure)"));
        course.getCode().addCoding(new Coding("http://snomed.info/sct", "1217123003", "Radiotherapy course of treatment (regime/therapy)"));
        Period period = new Period();
        summary.firstFractionDate().ifPresent(d -> period.setStartElement(new DateTimeType(d.toString())));
        summary.lastFractionDate().ifPresent(d -> period.setEndElement(new DateTimeType(d.toString())));
        course.setPerformed(period);
        course.addExtension(Canonicals.structureDefinition("fractions-delivered"), new UnsignedIntType(summary.fractionsDelivered()));
        volume.ifPresent(target -> {
            Extension dose = course.addExtension().setUrl(DOSE_DELIVERED);
            dose.addExtension("volume", target.copy());
            dose.addExtension("totalDoseDelivered", DoseQuantities.ofGray(summary.doseDeliveredGy()));
            dose.addExtension("fractionsDelivered", new UnsignedIntType(summary.fractionsDelivered()));
        });
        for (TreatmentInterruption interruption : summary.interruptions()) {
            Extension pause = course.addExtension().setUrl(DeliveredCourses.INTERRUPTION);
            pause.addExtension("period", new Period()
                    .setStartElement(new DateTimeType(interruption.lastFractionBefore().toString()))
                    .setEndElement(new DateTimeType(interruption.resumedOn().toString())));
            pause.addExtension("lengthInDays", new UnsignedIntType(interruption.gapDays()));
        }
        return course;
    }
}
