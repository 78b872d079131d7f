package org.isotox.enrolment.fhir;

import org.isotox.fhir.TransactionBundle;
import org.isotox.study.fhir.TrialStudies;
import org.isotox.study.fhir.StudyRoster;
import org.isotox.study.fhir.StudyLock;
import org.isotox.simon.fhir.StudyStates;
import org.isotox.simon.fhir.PendingToxicityWrite;
import org.isotox.simon.fhir.StudyState;
import org.isotox.simon.fhir.StudyProtocolReader;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.ResearchSubject.ResearchSubjectStatus;
import org.isotox.eligibility.domain.CriterionResult;
import org.isotox.eligibility.domain.EligibilityReport;
import org.isotox.eligibility.domain.Outcome;
import org.isotox.eligibility.fhir.EligibilityService;
import org.isotox.fhir.FhirDates;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.simon.domain.StoppingStatus;
import org.isotox.study.domain.EnrolledSubject;
import org.springframework.stereotype.Component;

/**
 * The enrolment gate of a trial. A ResearchSubject that puts a patient on a trial study is stored
 * only when the study is active, the patient is not enrolled already, every eligibility criterion
 * is met and the Simon design lets one more subject in; it then gets its enrolment sequence number
 * and Simon stage. The decision runs under the study's row lock, so that concurrent enrolments (on
 * one server or several) are decided one after the other on committed data. The enrolments of one FHIR
 * transaction are decided in its order, each counting those before it; their eligibility once all of
 * its entries are written, on the records as it leaves them.
 */
@Component
@Interceptor
class EnrolmentInterceptor {

    /** Just before {@code OwnershipStamp}'s hooks (order -1000), after the request checks (-2000). */
    static final int BEFORE_OWNERSHIP_STAMP = -1001;

    private static final String ENROLLED_IN_TRANSACTION = EnrolmentInterceptor.class.getName() + ".enrolled";
    private static final String ELIGIBILITY_IN_TRANSACTION = EnrolmentInterceptor.class.getName() + ".eligibility";

    /** The statuses that put a patient on study. */
    static final Set<ResearchSubjectStatus> ON_STUDY = EnumSet.of(
            ResearchSubjectStatus.ONSTUDY,
            ResearchSubjectStatus.ONSTUDYINTERVENTION,
            ResearchSubjectStatus.ONSTUDYOBSERVATION,
            ResearchSubjectStatus.FOLLOWUP);

    private final FhirContext fhirContext;
    private final TrialStudies studies;
    private final StudyRoster roster;
    private final StudyStates states;
    private final StudyProtocolReader protocols;
    private final EligibilityService eligibility;

    EnrolmentInterceptor(
            FhirContext fhirContext,
            TrialStudies studies,
            StudyRoster roster,
            StudyStates states,
            StudyProtocolReader protocols,
            EligibilityService eligibility) {
        this.fhirContext = fhirContext;
        this.studies = studies;
        this.roster = roster;
        this.states = states;
        this.protocols = protocols;
        this.eligibility = eligibility;
    }

    /**
     * Before the ownership stamp places the patient at the subject's site: an enrolment must name a stored
     * patient. One created by the same transaction (a placeholder reference) is refused with a clear outcome,
     * where the placement and the gate would otherwise fail on a reference they cannot read.
     */
    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = BEFORE_OWNERSHIP_STAMP)
    void namesAStoredPatient(IBaseResource resource) {
        if (resource instanceof ResearchSubject subject && ON_STUDY.contains(subject.getStatus())) {
            String patient = subject.getIndividual().getReference();
            IdType id = patient == null ? new IdType() : new IdType(patient);
            if (patient != null && (!"Patient".equals(id.getResourceType()) || !id.hasIdPart())) {
                refuse(IssueType.NOTSUPPORTED, "ResearchSubject.individual", "The enrolment names " + patient
                        + ", which is not a stored Patient: the enrolment gate decides on the patient's stored record"
                        + " (eligibility, a second enrolment, the Simon gate), and an entry of the same transaction is"
                        + " not part of it until the transaction commits. Store the patient's record first, then send"
                        + " the ResearchSubject.");
            }
        }
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    void created(IBaseResource resource, TransactionDetails transaction) {
        if (resource instanceof ResearchSubject subject && ON_STUDY.contains(subject.getStatus())) {
            enrol(subject, transaction);
        }
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current, TransactionDetails transaction) {
        if (!(current instanceof ResearchSubject subject)) {
            return;
        }
        ResearchSubject before = (ResearchSubject) previous;
        if (before.hasExtension(StudyRoster.ENROLMENT_SEQUENCE)) {
            keepServerAssignedValues(before, subject);
        } else if (ON_STUDY.contains(subject.getStatus())) {
            enrol(subject, transaction);
        }
    }

    private void enrol(ResearchSubject subject, TransactionDetails transaction) {
        Optional<ResearchStudy> found = studies.read(subject.getStudy().getReference());
        if (found.isEmpty() || protocols.read(found.get()).isEmpty()) {
            return; // not a trial study: enrolment is not the server's to guard
        }
        ResearchStudy study = studies.lockAndRead(found.get());
        String patient = subject.getIndividual().getReference();
        if (study.getStatus() != ResearchStudyStatus.ACTIVE) {
            refuse(IssueType.BUSINESSRULE, "ResearchSubject.study", "The study is not open to accrual (status "
                    + study.getStatus().toCode() + reason(study) + ")");
        }
        String studyReference = "ResearchStudy/" + study.getIdElement().getIdPart();
        List<EnrolledSubject> earlierInTransaction = enrolledEarlierIn(transaction, studyReference);
        List<EnrolledSubject> enrolled = new ArrayList<>(roster.enrolled(studyReference));
        enrolled.addAll(earlierInTransaction);
        enrolled.stream().filter(s -> s.patient().equals(patient)).findFirst().ifPresent(existing -> refuse(
                IssueType.DUPLICATE, "ResearchSubject.individual",
                patient + " is already enrolled in this study as " + existing.reference()));
        StudyState state = states.of(study, LocalDate.now(), PendingToxicityWrite.none(), earlierInTransaction).orElseThrow();
        StoppingStatus gate = state.status();
        if (!gate.enrolmentAllowed()) {
            refuse(IssueType.BUSINESSRULE, "ResearchSubject.study", gateClosed(state));
        }
        if (TransactionBundle.entriesBeingWritten(transaction)) {
            transaction.<List<PendingEligibility>>getOrCreateUserData(ELIGIBILITY_IN_TRANSACTION, ArrayList::new)
                    .add(new PendingEligibility(study, subject));
        } else {
            requireEligible(study, subject);
        }
        int sequence = enrolled.stream().mapToInt(EnrolledSubject::sequence).max().orElse(0) + 1;
        setExtension(subject, StudyRoster.ENROLMENT_SEQUENCE, sequence);
        setExtension(subject, StudyRoster.SIMON_STAGE, state.progress().stageOfNextSubject(state.courses()));
        StudyRoster.enrolled(subject).ifPresent(earlierInTransaction::add);
    }

    /**
     * The eligibility of the patients a FHIR transaction enrols is decided on their records as the transaction
     * leaves them, once all of its entries are written: a work-up sent with the enrolment counts, and so does a
     * result that makes the patient ineligible.
     */
    @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSED)
    void transactionWritten(TransactionDetails transaction) {
        List<PendingEligibility> pending = transaction.getUserData(ELIGIBILITY_IN_TRANSACTION);
        if (pending != null) {
            transaction.putUserData(ELIGIBILITY_IN_TRANSACTION, null);
            pending.forEach(enrolment -> requireEligible(enrolment.study(), enrolment.subject()));
        }
    }

    private record PendingEligibility(ResearchStudy study, ResearchSubject subject) {}

    private void requireEligible(ResearchStudy study, ResearchSubject subject) {
        // the trial's subject profile, validated before the gate, makes the enrolment date mandatory
        LocalDate enrolmentDate = FhirDates.localDate(subject.getPeriod().getStartElement());
        EligibilityReport report = eligibility.evaluate(study, subject.getIndividual(), enrolmentDate);
        if (!report.eligible()) {
            throw new UnprocessableEntityException(fhirContext, notEligible(subject.getIndividual().getReference(), report));
        }
    }

    /**
     * The subjects enrolled in the study by earlier entries of the same FHIR transaction: they are not
     * stored yet, but count for the gate, the sequence and the duplicate check as if they were.
     */
    private static List<EnrolledSubject> enrolledEarlierIn(TransactionDetails transaction, String studyReference) {
        if (transaction == null) {
            return new ArrayList<>();
        }
        Map<String, List<EnrolledSubject>> byStudy = transaction.getOrCreateUserData(ENROLLED_IN_TRANSACTION, HashMap::new);
        return byStudy.computeIfAbsent(studyReference, study -> new ArrayList<>());
    }

    private static void keepServerAssignedValues(ResearchSubject before, ResearchSubject after) {
        for (String url : List.of(StudyRoster.ENROLMENT_SEQUENCE, StudyRoster.SIMON_STAGE)) {
            after.getExtension().removeIf(e -> url.equals(e.getUrl()));
            Extension assigned = before.getExtensionByUrl(url);
            if (assigned != null) {
                after.addExtension(assigned.copy());
            }
        }
    }

    private static void setExtension(ResearchSubject subject, String url, int value) {
        subject.getExtension().removeIf(e -> url.equals(e.getUrl()));
        subject.addExtension(url, new PositiveIntType(value));
    }

    private static String gateClosed(StudyState state) {
        StoppingStatus status = state.status();
        int n1 = state.protocol().design().n1();
        return switch (status.decision()) {
            case AWAITING_STAGE_1_EVALUATION -> "Stage 1 is full (" + n1 + " subjects) and not yet evaluable: "
                    + status.evaluable() + " of them are; stage 2 opens once all are and fewer than "
                    + (n1 - state.protocol().design().r1()) + " had a severe toxicity";
            case STOPPED_FOR_TOXICITY -> "The study is stopped for toxicity: " + status.stageOneSevereToxicities()
                    + " of the first " + n1 + " subjects had a severe toxicity";
            case ACCRUING_STAGE_1, ACCRUING_STAGE_2 -> "The study is full (" + status.enrolled() + " enrolled)";
            default -> "The study has completed accrual (" + status.decision().code() + ")";
        } + " [" + status.decision().code() + "]";
    }

    private static OperationOutcome notEligible(String patient, EligibilityReport report) {
        OperationOutcome outcome = new OperationOutcome();
        for (CriterionResult criterion : report.criteria()) {
            if (criterion.outcome() != Outcome.MET) {
                OperationOutcomes.addError(outcome, IssueType.BUSINESSRULE,
                                patient + ": " + criterion.description() + " is " + criterion.outcome().code() + ": "
                                        + criterion.reason(),
                                "ResearchSubject.individual")
                        .getDetails()
                        .addCoding()
                        .setSystem(org.isotox.fhir.Canonicals.ISOTOX_CODES)
                        .setCode(criterion.code());
            }
        }
        return outcome;
    }

    private static String reason(ResearchStudy study) {
        return study.hasReasonStopped() ? ", " + study.getReasonStopped().getCodingFirstRep().getCode() : "";
    }

    private void refuse(IssueType type, String expression, String message) {
        throw new UnprocessableEntityException(fhirContext, OperationOutcomes.error(type, message, expression));
    }
}
