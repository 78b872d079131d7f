package org.isotox.dose.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.DerivedWrites;
import org.springframework.stereotype.Component;

/**
 * Records on a patient's derived course summary that the course stopped without fractions (the
 * study's gap rule), so that follow-up after radiotherapy is scheduled from its last fraction. A
 * fraction delivered later resumes the course ({@link CourseStatement}).
 */
@Component
public class CourseStops {

    static final Coding STOPPED_WITHOUT_FRACTIONS = new Coding(
            Canonicals.ISOTOX_CODES, "course-stopped-without-fractions", "Course stopped: no fraction for the study's number of days");

    private final DaoRegistry daoRegistry;

    CourseStops(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /** Sets the patient's derived summary to stopped when it is still in progress; true when it did. */
    public boolean recordStopWithoutFractions(String patient, int days) {
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Procedure.SP_SUBJECT, new ReferenceParam(patient))
                .add(Procedure.SP_IDENTIFIER, new TokenParam(CourseSummaryDeriver.SUMMARY_IDENTIFIER,
                        new IdType(patient).getIdPart()));
        return daoRegistry.getResourceDao(Procedure.class).search(query, new SystemRequestDetails()).getAllResources().stream()
                .map(Procedure.class::cast)
                .filter(summary -> summary.getStatus() == ProcedureStatus.INPROGRESS)
                .peek(summary -> {
                    summary.setStatus(ProcedureStatus.STOPPED);
                    summary.setStatusReason(new CodeableConcept().addCoding(STOPPED_WITHOUT_FRACTIONS.copy())
                            .setText("No fraction for " + days + " days while fractions remained"));
                    daoRegistry.getResourceDao(Procedure.class).update(summary, DerivedWrites.request());
                })
                .count() > 0;
    }
}
