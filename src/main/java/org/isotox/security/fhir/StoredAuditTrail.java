package org.isotox.security.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.storage.interceptor.balp.BalpConstants;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.fhir.AfterCommit;
import org.isotox.fhir.KeptWork;
import org.isotox.fhir.StoredIds;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the audit trail in this server's own database. The AuditEvents of a write are kept with the
 * write's commit ({@link KeptWork}) and stored once the write has committed, as one event for all the
 * writes of its transaction ({@link TransactionAuditEvent}), in a transaction of their own: only writes that happened are
 * recorded, and the write's transaction is left to HAPI and the trial rules alone (a nested write
 * there disturbs the searches the rules make before commit). The AuditEvents of a request's reads
 * and searches (BALP has one per patient in a search result) are stored together on a background
 * thread after its response has left, in the order of the responses; a crash in between loses
 * them (a write's, kept with its commit, are stored at the restart). The resources the events
 * of a request refer to are looked up in one query before they are stored: HAPI would otherwise
 * look up each reference of each event, and every such query first flushes and dirty-checks all
 * the events already stored in that transaction.
 */
final class StoredAuditTrail implements IBalpAuditEventSink, KeptWork.Kind {

    private static final ThreadLocal<List<AuditEvent>> REQUEST_READS = new ThreadLocal<>();

    private final FhirContext fhirContext;
    private final DaoRegistry daoRegistry;
    private final StoredIds storedIds;
    private final AfterCommit afterCommit;
    private final KeptWork keptWork;

    StoredAuditTrail(FhirContext fhirContext, DaoRegistry daoRegistry, StoredIds storedIds, AfterCommit afterCommit,
            KeptWork keptWork) {
        this.fhirContext = fhirContext;
        this.daoRegistry = daoRegistry;
        this.storedIds = storedIds;
        this.afterCommit = afterCommit;
        this.keptWork = keptWork;
    }

    @Override
    public void recordAuditEvent(AuditEvent event) {
        searchableByIdentity(event);
        // a search runs in a (read-only) transaction too: what decides is whether the event records a write
        if (isWrite(event) && TransactionSynchronizationManager.isSynchronizationActive()) {
            eventsOfTransaction().add(event);
        } else {
            addRead(event);
        }
    }

    /**
     * Adds one more write to the event of the running transaction, when a write of it has been
     * recorded already; false when there is none yet (the caller then records the write's whole event).
     */
    @SuppressWarnings("unchecked")
    boolean joinsTransactionEvent(Supplier<AuditEvent> write) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        List<AuditEvent> events = (List<AuditEvent>) TransactionSynchronizationManager.getResource(this);
        if (events == null || events.isEmpty()) {
            return false;
        }
        events.add(write.get());
        return true;
    }

    /**
     * Adds a read's event to those of the client request served on this thread, stored together
     * after its answer has left: BALP writes one per patient in a search result, and a search of a
     * study's subjects would otherwise wait for 30 to 50 writes.
     */
    private void addRead(AuditEvent event) {
        List<AuditEvent> reads = REQUEST_READS.get();
        if (reads != null) {
            reads.add(event);
            return;
        }
        List<AuditEvent> first = new ArrayList<>(List.of(event));
        REQUEST_READS.set(first);
        afterCommit.afterTheAnswer(() -> {
            REQUEST_READS.remove();
            return () -> store(first);
        });
    }

    /** The events of the running transaction, stored together after its commit. */
    @SuppressWarnings("unchecked")
    private List<AuditEvent> eventsOfTransaction() {
        List<AuditEvent> events = (List<AuditEvent>) TransactionSynchronizationManager.getResource(this);
        if (events == null) {
            List<AuditEvent> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(StoredAuditTrail.this);
                }
            });
            keptWork.keepUntilDone(this, () -> fhirContext.newJsonParser().encodeResourceToString(transactionEvent(created)));
            events = created;
        }
        return events;
    }

    /** The writes of one transaction, as one event ({@link TransactionAuditEvent}). */
    private static AuditEvent transactionEvent(List<AuditEvent> events) {
        events.stream().filter(event -> event.getAction() == AuditEvent.AuditEventAction.D).forEach(StoredAuditTrail::unreferenceDeleted);
        return TransactionAuditEvent.of(events);
    }

    /** Kept work of this kind: a transaction's audit event as JSON, kept at its commit and stored once it has. */
    @Override
    public String name() {
        return "audit-event";
    }

    @Override
    public void run(String eventJson) {
        store(List.of(fhirContext.newJsonParser().parseResource(AuditEvent.class, eventJson)));
    }

    private void store(List<AuditEvent> events) {
        TransactionDetails writes = new TransactionDetails();
        // deleted ones included: a resource read and then deleted before its read event is stored is still named
        storedIds.resolve(referencedIds(events), writes);
        SystemRequestDetails request = new SystemRequestDetails();
        events.forEach(event -> daoRegistry.getResourceDao(AuditEvent.class).create(event, null, true, request, writes));
    }

    private Set<IIdType> referencedIds(List<AuditEvent> events) {
        Set<IIdType> ids = new LinkedHashSet<>();
        for (AuditEvent event : events) {
            for (IBaseReference reference : fhirContext.newTerser().getAllPopulatedChildElementsOfType(event, IBaseReference.class)) {
                IIdType id = reference.getReferenceElement();
                if (id.hasResourceType() && id.hasIdPart() && !id.isAbsolute() && !id.isLocal()) {
                    ids.add(id.toUnqualifiedVersionless());
                }
            }
        }
        return ids;
    }

    /** A deleted resource can no longer be referenced: the event's entities for it keep its id as an identifier. */
    private static void unreferenceDeleted(AuditEvent event) {
        Set<String> deleted = event.getEntity().stream()
                .filter(e -> BalpConstants.CS_OBJECT_ROLE_4_DOMAIN_RESOURCE.equals(e.getRole().getCode()))
                .map(e -> versionless(e.getWhat()))
                .collect(Collectors.toSet());
        event.getEntity().stream()
                .filter(e -> deleted.contains(versionless(e.getWhat())))
                .forEach(StoredAuditTrail::nameWithoutReferencing);
    }

    /**
     * An agent named by an identifier only (a token's client, or its subject when it has no {@code fhirUser})
     * is not found by the {@code agent} search, which follows references: its identity at the issuer is
     * also its {@code altId}, so that {@code AuditEvent?altid=} finds what it did.
     */
    private static void searchableByIdentity(AuditEvent event) {
        for (AuditEvent.AuditEventAgentComponent agent : event.getAgent()) {
            if (!agent.hasAltId() && !agent.getWho().hasReference() && agent.getWho().getIdentifier().hasValue()) {
                agent.setAltId(agent.getWho().getIdentifier().getValue());
            }
        }
    }

    private static boolean isWrite(AuditEvent event) {
        return event.getAction() == AuditEvent.AuditEventAction.C
                || event.getAction() == AuditEvent.AuditEventAction.U
                || event.getAction() == AuditEvent.AuditEventAction.D;
    }

    private static String versionless(Reference what) {
        return what.hasReference() ? new IdType(what.getReference()).toUnqualifiedVersionless().getValue() : "";
    }

    private static void nameWithoutReferencing(AuditEventEntityComponent entity) {
        Reference what = entity.getWhat();
        if (what.hasReference()) {
            what.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue(what.getReference());
            what.setDisplay(what.getReference());
            what.setReference(null);
        }
    }
}
