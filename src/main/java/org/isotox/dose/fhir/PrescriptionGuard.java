package org.isotox.dose.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.InterceptorInvocationTimingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.isotox.dose.domain.ConstraintResult;
import org.isotox.dose.domain.Fractionation;
import org.isotox.dose.domain.IsotoxicPrescriber;
import org.isotox.dose.domain.IsotoxicPrescription;
import org.isotox.dose.domain.IsotoxicRules;
import org.isotox.dose.domain.ReferencePlan;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.ResponseWarnings;
import org.isotox.fhir.TransactionBundle;
import org.isotox.study.fhir.StudyRoster;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.stereotype.Component;

/**
 * The study's dose rules on every write of a radiotherapy prescription for a subject on study:
 * the study's fraction dose, a total dose in its range and in whole fractions, and no organ-at-risk
 * limit broken at the prescribed dose by the plan's stored DVHs. A prescription below the dose the
 * limits would allow is stored, with a warning naming the achievable dose. A prescription becomes
 * active only once a physicist and a radiation oncologist approved the version being activated. In a
 * FHIR transaction the plan and the approvals are checked once all of its entries are written, so that
 * DVHs and approvals sent with the prescription are the ones checked.
 */
@Component
@Interceptor
class PrescriptionGuard {

    /** SNOMED CT "Radiotherapy treatment phase", the code of the Isotox prescription profile. */
    static final String PRESCRIPTION_CODE = "1222565005";

    private final FhirContext fhirContext;
    private final StudyRoster roster;
    private final TrialStudies studies;
    private final StudyDoseRules studyRules;
    private final StoredDvhs storedDvhs;
    private final DvhPlans plans;
    private final PrescriptionApprovals approvals;
    private final IsotoxicPrescriber prescriber = new IsotoxicPrescriber();

    PrescriptionGuard(
            FhirContext fhirContext,
            StudyRoster roster,
            TrialStudies studies,
            StudyDoseRules studyRules,
            StoredDvhs storedDvhs,
            DvhPlans plans,
            PrescriptionApprovals approvals) {
        this.fhirContext = fhirContext;
        this.roster = roster;
        this.studies = studies;
        this.studyRules = studyRules;
        this.storedDvhs = storedDvhs;
        this.plans = plans;
        this.approvals = approvals;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    void created(IBaseResource resource, RequestDetails request, TransactionDetails transaction) {
        if (resource instanceof ServiceRequest prescription && isPrescription(prescription)) {
            check(prescription, Optional.empty(), request, !TransactionBundle.entriesBeingWritten(transaction));
        }
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current, RequestDetails request, TransactionDetails transaction) {
        if (current instanceof ServiceRequest prescription && isPrescription(prescription)) {
            check(prescription, Optional.of((ServiceRequest) previous), request, !TransactionBundle.entriesBeingWritten(transaction));
        }
    }

    /**
     * A prescription sent in a FHIR transaction is checked against the plan, and its activation against the
     * approvals, once all of the transaction's entries are written: the DVHs and approvals sent with it are then
     * stored, and the ones checked.
     */
    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    void createdInTransaction(IBaseResource resource, RequestDetails request, InterceptorInvocationTimingEnum timing) {
        if (timing == InterceptorInvocationTimingEnum.DEFERRED && resource instanceof ServiceRequest prescription
                && isPrescription(prescription)) {
            checkAgainstStoredRecords(prescription, Optional.empty(), request);
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    void updatedInTransaction(IBaseResource previous, IBaseResource current, RequestDetails request,
            InterceptorInvocationTimingEnum timing) {
        if (timing == InterceptorInvocationTimingEnum.DEFERRED && current instanceof ServiceRequest prescription
                && isPrescription(prescription)) {
            checkAgainstStoredRecords(prescription, Optional.of((ServiceRequest) previous), request);
        }
    }

    static boolean isPrescription(ServiceRequest request) {
        return request.getCode().getCoding().stream()
                .anyMatch(c -> "http://snomed.info/sct".equals(c.getSystem()) && PRESCRIPTION_CODE.equals(c.getCode()));
    }

    /**
     * The study's rules; the plan and the activation too, unless {@code againstStoredRecords} is false (an entry
     * of a FHIR transaction: they are checked once all of its entries are written).
     */
    private void check(ServiceRequest prescription, Optional<ServiceRequest> previous, RequestDetails request,
            boolean againstStoredRecords) {
        underEachStudysRules(prescription, (rules, refusal) -> {
            List<PrescribedDose> doses = PrescribedDose.of(prescription);
            doses.forEach(dose -> checkAgainstRules(dose, rules, refusal));
            if (againstStoredRecords) {
                checkAgainstStoredRecords(prescription, previous, rules, doses, refusal, request);
            }
        });
    }

    private void checkAgainstStoredRecords(ServiceRequest prescription, Optional<ServiceRequest> previous, RequestDetails request) {
        underEachStudysRules(prescription, (rules, refusal) ->
                checkAgainstStoredRecords(prescription, previous, rules, PrescribedDose.of(prescription), refusal, request));
    }

    /** The plan's DVHs (when the doses keep the study's rules) and the approvals of an activation. */
    private void checkAgainstStoredRecords(ServiceRequest prescription, Optional<ServiceRequest> previous, IsotoxicRules rules,
            List<PrescribedDose> doses, OperationOutcome refusal, RequestDetails request) {
        if (refusal.getIssue().isEmpty()) {
            checkAgainstPlan(prescription.getSubject().getReference(), doses, rules, refusal, request);
        }
        checkActivation(prescription, previous, refusal);
    }

    /** {@code checks} under the dose rules of each study the patient is on; what they find refuses the write (422). */
    private void underEachStudysRules(ServiceRequest prescription, BiConsumer<IsotoxicRules, OperationOutcome> checks) {
        String patient = prescription.getSubject().getReference();
        if (patient == null) {
            return;
        }
        for (String study : roster.studiesOf(patient)) {
            Optional<IsotoxicRules> rules = studies.read(study).map(studyRules::of);
            if (rules.isPresent()) {
                OperationOutcome refusal = new OperationOutcome();
                checks.accept(rules.get(), refusal);
                if (!refusal.getIssue().isEmpty()) {
                    throw new UnprocessableEntityException(fhirContext, refusal);
                }
            }
        }
    }

    private static void checkAgainstRules(PrescribedDose dose, IsotoxicRules rules, OperationOutcome refusal) {
        if (Math.abs(dose.fractionDoseGy() - rules.fractionDoseGy()) > 1e-9) {
            refuse(refusal, "The fraction dose " + gy(dose.fractionDoseGy()) + " differs from the study's "
                    + gy(rules.fractionDoseGy()) + " per fraction", dose.at("fractionDose"));
        }
        if (dose.totalDoseGy() < rules.minimumTotalDoseGy() - 1e-9 || dose.totalDoseGy() > rules.maximumTotalDoseGy() + 1e-9) {
            refuse(refusal, "The total dose " + gy(dose.totalDoseGy()) + " is outside the study's range "
                    + gy(rules.minimumTotalDoseGy()) + " to " + gy(rules.maximumTotalDoseGy()), dose.at("totalDose"));
        }
        if (Math.abs(dose.fractions() * dose.fractionDoseGy() - dose.totalDoseGy()) > 1e-9) {
            refuse(refusal, "The total dose " + gy(dose.totalDoseGy()) + " is not " + dose.fractions() + " fractions of "
                    + gy(dose.fractionDoseGy()), dose.at("totalDose"));
        }
    }

    private void checkAgainstPlan(
            String patient, List<PrescribedDose> doses, IsotoxicRules rules, OperationOutcome refusal, RequestDetails request) {
        ReferencePlan plan = plans.planFor(rules, storedDvhs.of(patient));
        IsotoxicPrescription achievable = prescriber.prescribe(rules, plan);
        for (PrescribedDose dose : doses) {
            Fractionation prescribed = new Fractionation(dose.fractions(), dose.fractionDoseGy());
            for (var constraint : rules.constraints()) {
                ConstraintResult result = constraint.evaluate(plan, prescribed);
                if (!result.met()) {
                    refuse(refusal, "At " + gy(dose.totalDoseGy()) + " the plan breaks " + result.name() + ": "
                            + round(result.value()) + " against a limit of " + round(result.limit())
                            + " " + result.unit().ucumCode(), dose.at("totalDose"));
                }
            }
            if (refusal.getIssue().isEmpty() && achievable.feasible()
                    && dose.totalDoseGy() < achievable.totalDoseGy() - 1e-9) {
                ResponseWarnings.add(request, "The prescribed " + gy(dose.totalDoseGy()) + " is below the isotoxic dose of "
                        + gy(achievable.totalDoseGy()) + " (" + achievable.fractions() + " fractions, limited by "
                        + achievable.limitingConstraint() + ") that the plan's DVHs allow");
            }
        }
    }

    private void checkActivation(ServiceRequest prescription, Optional<ServiceRequest> previous, OperationOutcome refusal) {
        if (prescription.getStatus() != ServiceRequestStatus.ACTIVE) {
            return;
        }
        if (previous.isEmpty()) {
            refuse(refusal, "A prescription is created as draft; it becomes active once a physicist and a radiation "
                    + "oncologist approved it (Provenance)", "ServiceRequest.status");
        } else if (previous.get().getStatus() != ServiceRequestStatus.ACTIVE) {
            ServiceRequest approvedVersion = previous.get();
            List<String> missing = approvals.missing(
                    approvedVersion.getIdElement().getIdPart(), approvedVersion.getMeta().getVersionId());
            missing.forEach(m -> refuse(refusal, "The prescription cannot become active: " + m, "ServiceRequest.status"));
            if (!sameDoses(approvedVersion, prescription)) {
                refuse(refusal, "The doses differ from the approved version; approve the new doses first",
                        "ServiceRequest.extension('" + PrescribedDose.URL + "')");
            }
        } else if (!sameDoses(previous.get(), prescription)) {
            refuse(refusal, "The doses of an active prescription cannot change; write a new prescription that replaces it",
                    "ServiceRequest.extension('" + PrescribedDose.URL + "')");
        }
    }

    private static boolean sameDoses(ServiceRequest before, ServiceRequest after) {
        return PrescribedDose.of(before).stream().map(PrescriptionGuard::withoutPath).toList()
                .equals(PrescribedDose.of(after).stream().map(PrescriptionGuard::withoutPath).toList());
    }

    private static PrescribedDose withoutPath(PrescribedDose dose) {
        return new PrescribedDose(dose.volume(), dose.fractionDoseGy(), dose.totalDoseGy(), dose.fractions(), "");
    }

    private static void refuse(OperationOutcome refusal, String message, String expression) {
        OperationOutcomes.addError(refusal, IssueType.BUSINESSRULE, message, expression);
    }

    private static String gy(double gray) {
        return round(gray) + " Gy";
    }

    private static String round(double value) {
        return java.math.BigDecimal.valueOf(DoseQuantities.round(value)).stripTrailingZeros().toPlainString();
    }
}
