package org.isotox.dose.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.dose.domain.IsotoxicPrescriber;
import org.isotox.dose.domain.IsotoxicRules;
import org.isotox.dose.domain.ReferencePlan;
import org.isotox.fhir.OperationProvider;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.stereotype.Component;

/**
 * {@code $isotoxic-prescription}: the highest total dose, in whole fractions of the study's
 * fraction dose, at which every organ-at-risk limit of the study holds; with the limiting
 * constraint, each constraint's value and margin there, and BED/EQD2. DVHs come inline
 * ({@code [base]/$isotoxic-prescription}) or from those stored for a subject's patient
 * ({@code ResearchSubject/{id}/$isotoxic-prescription}).
 */
@Component
public class IsotoxicPrescriptionOperationProvider implements OperationProvider {

    private final StudyDoseRules rules;
    private final DvhPlans plans;
    private final StoredDvhs storedDvhs;
    private final TrialStudies studies;
    private final IsotoxicPrescriber prescriber = new IsotoxicPrescriber();

    IsotoxicPrescriptionOperationProvider(
            StudyDoseRules rules, DvhPlans plans, StoredDvhs storedDvhs, TrialStudies studies) {
        this.rules = rules;
        this.plans = plans;
        this.storedDvhs = storedDvhs;
        this.studies = studies;
    }

    @Operation(name = "$isotoxic-prescription", idempotent = false)
    public Parameters fromInlineDvhs(
            @OperationParam(name = "study") Reference study,
            @OperationParam(name = "referenceDose") Quantity referenceDose,
            @OperationParam(name = "dvh", max = OperationParam.MAX_UNLIMITED) List<IBase> dvh) {
        if (referenceDose == null) {
            throw InlineDvhReader.malformed("referenceDose (Quantity, Gy) is required", "referenceDose");
        }
        if (dvh == null || dvh.isEmpty()) {
            throw InlineDvhReader.malformed("At least one dvh is required", "dvh");
        }
        IsotoxicRules studyRules = study == null || !study.hasReference()
                ? rules.ofDefaultStudy()
                : rules.of(study.getReference());
        ReferencePlan plan = plans.planFor(
                studyRules, InlineDvhReader.read(dvh, InlineDvhReader.gray(referenceDose, "referenceDose")));
        return PrescriptionParameters.of(prescriber.prescribe(studyRules, plan), plan);
    }

    @Operation(name = "$isotoxic-prescription", type = ResearchSubject.class, idempotent = true)
    public Parameters fromStoredDvhs(@IdParam IdType subjectId) {
        ResearchSubject subject = studies.subject(subjectId.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(subjectId));
        IsotoxicRules studyRules = rules.of(subject.getStudy().getReference());
        ReferencePlan plan = plans.planFor(studyRules, storedDvhs.of(subject.getIndividual().getReference()));
        return PrescriptionParameters.of(prescriber.prescribe(studyRules, plan), plan);
    }
}
