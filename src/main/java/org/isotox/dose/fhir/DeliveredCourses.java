package org.isotox.dose.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.isotox.fhir.FhirDates;
import org.springframework.stereotype.Component;

/** When patients' radiotherapy courses ended, from their course-summary Procedures. */
@Component
public class DeliveredCourses {

    /** SNOMED CT "Radiotherapy course of treatment", the code of mCODE's RadiotherapyCourseSummary. */
    static final TokenParam COURSE = new TokenParam("http://snomed.info/sct", "1217123003");

    private final DaoRegistry daoRegistry;

    DeliveredCourses(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /**
     * The date of the last fraction of each patient whose course is over (completed, or stopped
     * early), by patient reference; patients still on treatment or without a summary are absent.
     */
    public Map<String, LocalDate> lastFractions(Collection<String> patients) {
        Map<String, LocalDate> last = new HashMap<>();
        if (patients.isEmpty()) {
            return last;
        }
        ReferenceOrListParam subjects = new ReferenceOrListParam();
        patients.forEach(p -> subjects.addOr(new ReferenceParam(p)));
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Procedure.SP_SUBJECT, subjects)
                .add(Procedure.SP_CODE, COURSE);
        daoRegistry.getResourceDao(Procedure.class).search(query, new SystemRequestDetails()).getAllResources().stream()
                .map(Procedure.class::cast)
                .filter(p -> p.getStatus() == ProcedureStatus.COMPLETED || p.getStatus() == ProcedureStatus.STOPPED)
                .filter(p -> p.hasPerformedPeriod() && p.getPerformedPeriod().hasEndElement())
                .forEach(p -> last.merge(
                        p.getSubject().getReference(),
                        FhirDates.localDate(p.getPerformedPeriod().getEndElement()),
                        (a, b) -> a.isAfter(b) ? a : b));
        return last;
    }
}
