package org.isotox.security.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleTester;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.study.fhir.StudyRoster;

/**
 * The site check of a site-bound token on one resource. Patient data (a resource with a patient in
 * its Patient compartment) is the site's when one of its patients is the site's; what comes out is
 * checked against the site's patients as they were when the request came in, what goes in against
 * the database as it is at that moment, or what this request admitted before (a patient created
 * earlier in the same transaction). A
 * new patient must name the site as managing organisation, a new ResearchSubject the site as its
 * site. Data about no patient (the study, its sites, terminology) may be read by all, but the
 * trial's definitions are written only by trial-wide roles.
 */
final class SiteAccessTester implements IAuthRuleTester {

    private static final Set<String> TRIAL_DEFINITIONS = Set.of(
            "ResearchStudy", "PlanDefinition", "ActivityDefinition", "Group", "Questionnaire", "Organization",
            "Location", "StructureDefinition", "CodeSystem", "ValueSet", "ConceptMap", "SearchParameter",
            "NamingSystem", "Library", "Measure", "Subscription", "AuditEvent");

    private final FhirContext fhirContext;
    private final String site;
    private final Supplier<Set<String>> patientsOfSiteAtRequest;
    private final SitePatients sitePatients;
    /**
     * New patients of the site admitted earlier in this request: in a transaction they are not yet
     * visible to queries (HAPI flushes at commit), but get their ids before the next entry is judged.
     */
    private final List<Patient> admittedInThisRequest = new CopyOnWriteArrayList<>();

    SiteAccessTester(FhirContext fhirContext, String site, Supplier<Set<String>> patientsOfSiteAtRequest, SitePatients sitePatients) {
        this.fhirContext = fhirContext;
        this.site = site;
        this.patientsOfSiteAtRequest = patientsOfSiteAtRequest;
        this.sitePatients = sitePatients;
    }

    @Override
    public boolean matches(RuleTestRequest request) {
        // on the way in a read has no resource yet: its output is judged on the way out
        return request.resource == null || mayWrite(request.resource);
    }

    @Override
    public boolean matchesOutput(RuleTestRequest request) {
        return request.resource == null || mayRead(request.resource);
    }

    private boolean mayRead(IBaseResource resource) {
        Set<String> patients = patientsOfSiteAtRequest.get();
        if (resource instanceof Patient patient) {
            return patients.contains("Patient/" + patient.getIdElement().getIdPart());
        }
        List<String> owners = owners(resource);
        return owners.isEmpty() || owners.stream().anyMatch(patients::contains);
    }

    private boolean mayWrite(IBaseResource resource) {
        if (resource instanceof Patient patient) {
            if (!patient.getIdElement().hasIdPart()) {
                boolean ofTheSite = site.equals(patient.getManagingOrganization().getReference());
                if (ofTheSite) {
                    admittedInThisRequest.add(patient);
                }
                return ofTheSite;
            }
            return site.equals(patient.getManagingOrganization().getReference())
                    || sitePatients.belongs("Patient/" + patient.getIdElement().getIdPart(), site);
        }
        if (resource instanceof ResearchSubject subject) {
            return StudyRoster.siteOf(subject).filter(site::equals).isPresent();
        }
        List<String> owners = owners(resource);
        if (owners.isEmpty()) {
            return !TRIAL_DEFINITIONS.contains(fhirContext.getResourceType(resource));
        }
        return owners.stream().allMatch(owner -> admittedInThisRequest(owner) || sitePatients.belongs(owner, site));
    }

    private boolean admittedInThisRequest(String patient) {
        return admittedInThisRequest.stream()
                .anyMatch(p -> p.getIdElement().hasIdPart() && patient.equals("Patient/" + p.getIdElement().getIdPart()));
    }

    private List<String> owners(IBaseResource resource) {
        return fhirContext.newTerser().getCompartmentOwnersForResource("Patient", resource, Set.of()).stream()
                .filter(IIdType::hasIdPart)
                // a transaction's placeholder (urn:uuid:) is judged once resolved, when the entry is stored
                .filter(id -> !id.getValue().startsWith("urn:"))
                .map(id -> "Patient/" + id.getIdPart())
                .distinct()
                .toList();
    }
}
