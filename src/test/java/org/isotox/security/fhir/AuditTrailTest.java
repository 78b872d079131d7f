package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A write joined to its transaction's event names what HAPI's own BALP event for it names. */
class AuditTrailTest {

    private final FhirContext fhirContext = FhirContext.forR4Cached();
    private final List<AuditEvent> balpEvents = new ArrayList<>();
    private final BalpAuditCaptureInterceptor balp = new BalpAuditCaptureInterceptor(balpEvents::add, new TokenAuditContext());
    private final AuditTrail trail = new AuditTrail(new StoredAuditTrail(fhirContext, null, null, null, null), new TokenAuditContext());

    @Test
    void aJoinedWriteNamesTheResourceAndThePatientsBalpNames() {
        Observation observation = new Observation().setSubject(new Reference("Patient/7"));
        observation.addPerformer(new Reference("Practitioner/2"));
        Encounter encounter = new Encounter().setSubject(new Reference("Patient/8"));
        Condition condition = new Condition().setSubject(new Reference("Patient/7")).setAsserter(new Reference("Patient/9"));
        ResearchSubject subject = new ResearchSubject().setIndividual(new Reference("Patient/7"));
        List<Resource> writes = List.of(new Patient(), observation, encounter, condition, subject, new Organization());
        for (int i = 0; i < writes.size(); i++) {
            Resource resource = writes.get(i);
            resource.setId(resource.fhirType() + "/" + (100 + i) + "/_history/1");

            balp.hookStoragePrecommitResourceCreated(resource, request());
            AuditEvent ours = trail.write(resource, request(), AuditEvent.AuditEventAction.C);

            assertThat(entities(ours)).as(resource.fhirType()).isEqualTo(entities(balpEvents.get(balpEvents.size() - 1)));
        }
        // a condition asserted by another patient is in both patients' compartments
        assertThat(entities(trail.write(condition, request(), AuditEvent.AuditEventAction.C)))
                .filteredOn(entity -> entity.contains("|Patient "))
                .extracting(entity -> entity.substring(entity.lastIndexOf(' ') + 1))
                .containsExactly("Patient/7", "Patient/9");
    }

    /** The resource and patient entities, with their type and role codes. */
    private static List<String> entities(AuditEvent event) {
        return event.getEntity().stream()
                .filter(entity -> entity.hasRole())
                .map(entity -> entity.getType().getSystem() + "|" + entity.getType().getCode() + "|" + entity.getType().getDisplay()
                        + " " + entity.getRole().getSystem() + "|" + entity.getRole().getCode() + "|" + entity.getRole().getDisplay()
                        + " " + entity.getWhat().getReference())
                .toList();
    }

    private ServletRequestDetails request() {
        ServletRequestDetails request = new ServletRequestDetails();
        request.setServer(new RestfulServer(fhirContext));
        request.setServletRequest(new MockHttpServletRequest());
        request.setRestOperationType(RestOperationTypeEnum.TRANSACTION);
        request.setFhirServerBase("http://localhost/fhir");
        return request;
    }
}
