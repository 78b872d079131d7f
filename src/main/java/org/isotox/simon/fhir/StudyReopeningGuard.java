package org.isotox.simon.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.TransactionBundle;
import org.isotox.simon.domain.StoppingDecision;
import org.springframework.stereotype.Component;

/**
 * Reopening a study closed for toxicity is a coordinator's explicit act: refused while the stopping
 * boundary is still reached (the data must be corrected first), and recorded as an AuditEvent. In a FHIR
 * transaction it is judged once all entries are written, so the corrections it carries count.
 */
@Component
@Interceptor
class StudyReopeningGuard {

    private static final String REOPENINGS = StudyReopeningGuard.class.getName() + ".reopenings";

    private final FhirContext fhirContext;
    private final StudyStates states;
    private final DaoRegistry daoRegistry;

    StudyReopeningGuard(FhirContext fhirContext, StudyStates states, DaoRegistry daoRegistry) {
        this.fhirContext = fhirContext;
        this.states = states;
        this.daoRegistry = daoRegistry;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current, RequestDetails request, TransactionDetails transaction) {
        if (!(previous instanceof ResearchStudy before && current instanceof ResearchStudy after)
                || !StudyStopper.isStoppedForToxicity(before)
                || after.getStatus() != ResearchStudyStatus.ACTIVE) {
            return;
        }
        if (TransactionBundle.entriesBeingWritten(transaction)) {
            transaction.<List<Reopening>>getOrCreateUserData(REOPENINGS, ArrayList::new).add(new Reopening(before, after, request));
        } else {
            new Reopening(before, after, request).decide();
        }
    }

    /** A transaction's reopenings are judged on the gradings as the transaction leaves them, its own corrections included. */
    @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSED)
    void transactionWritten(TransactionDetails transaction) {
        List<Reopening> reopenings = transaction.getUserData(REOPENINGS);
        if (reopenings != null) {
            transaction.putUserData(REOPENINGS, null);
            reopenings.forEach(Reopening::decide);
        }
    }

    private final class Reopening {
        private final ResearchStudy before;
        private final ResearchStudy after;
        private final RequestDetails request;

        private Reopening(ResearchStudy before, ResearchStudy after, RequestDetails request) {
            this.before = before;
            this.after = after;
            this.request = request;
        }

        private void decide() {
            StudyState state = states.of(after, LocalDate.now()).orElse(null);
            if (state != null && state.status().decision() == StoppingDecision.STOPPED_FOR_TOXICITY) {
                throw new UnprocessableEntityException(fhirContext, OperationOutcomes.error(
                        IssueType.BUSINESSRULE,
                        "The study cannot reopen: " + state.status().stageOneSevereToxicities() + " of the first "
                                + state.protocol().design().n1() + " subjects still have a severe toxicity, which "
                                + "reaches the stopping boundary. Correct the toxicity records first.",
                        "ResearchStudy.status"));
            }
            record(before, request);
        }
    }

    private void record(ResearchStudy before, RequestDetails request) {
        AuditEvent audit = new AuditEvent()
                .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"))
                .setAction(AuditEvent.AuditEventAction.U)
                .setRecorded(new Date())
                .setOutcome(AuditEvent.AuditEventOutcome._0)
                .setOutcomeDesc("Study reopened to accrual after a stop for toxicity");
        audit.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", "update", "update"));
        audit.addAgent().setRequestor(true).getWho().setDisplay(requestor(request));
        audit.getSource().setSite("Isotox FHIR Server").getObserver().setDisplay("Isotox FHIR Server");
        audit.addEntity()
                .setWhat(new Reference("ResearchStudy/" + before.getIdElement().getIdPart() + "/_history/"
                        + before.getMeta().getVersionId()))
                .setDescription("closed-to-accrual (closed-due-to-toxicity) -> active");
        daoRegistry.getResourceDao(AuditEvent.class).create(audit, new SystemRequestDetails());
    }

    private static String requestor(RequestDetails request) {
        if (request instanceof ServletRequestDetails servlet) {
            return "client at " + servlet.getServletRequest().getRemoteAddr();
        }
        return "server-internal request";
    }
}
