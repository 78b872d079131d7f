package org.isotox.schedule.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.ResearchSubject.ResearchSubjectStatus;
import org.isotox.fhir.FhirDates;
import org.isotox.schedule.domain.FollowUp;
import org.springframework.stereotype.Component;

/**
 * How long a subject is followed ("until 5 years or death"): follow-up ends on the subject's
 * {@code period.end}, on the patient's {@code deceasedDateTime}, whichever comes first; a subject
 * who withdrew or went off study without an end date, or a patient recorded as deceased without a
 * date, has no more activities due.
 */
@Component
class FollowUps {

    private static final Set<ResearchSubjectStatus> ENDED = EnumSet.of(
            ResearchSubjectStatus.WITHDRAWN, ResearchSubjectStatus.OFFSTUDY,
            ResearchSubjectStatus.INELIGIBLE, ResearchSubjectStatus.NOTREGISTERED);

    private final DaoRegistry daoRegistry;

    FollowUps(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /** The subject's follow-up; {@code change}, when it is a write of the patient, counts instead of what is stored. */
    FollowUp of(ResearchSubject subject, ScheduleChange change) {
        String patient = subject.getIndividual().getReference();
        Optional<Patient> current = change instanceof ScheduleChange.PatientWritten written
                        && ("Patient/" + written.patient().getIdElement().getIdPart()).equals(patient)
                ? Optional.of(written.patient())
                : stored(patient);
        return participation(subject).and(current.map(FollowUps::life).orElse(FollowUp.ongoing()));
    }

    private static FollowUp participation(ResearchSubject subject) {
        Optional<LocalDate> end = FhirDates.preciseDay(subject.getPeriod().getEndElement());
        if (end.isPresent()) {
            return FollowUp.endedOn(end.get());
        }
        return ENDED.contains(subject.getStatus()) ? FollowUp.endedOnUnknownDay() : FollowUp.ongoing();
    }

    private static FollowUp life(Patient patient) {
        if (patient.getDeceased() instanceof DateTimeType died) {
            return FhirDates.preciseDay(died).map(FollowUp::endedOn).orElse(FollowUp.endedOnUnknownDay());
        }
        return patient.getDeceased() instanceof BooleanType dead && dead.booleanValue()
                ? FollowUp.endedOnUnknownDay()
                : FollowUp.ongoing();
    }

    private Optional<Patient> stored(String patient) {
        try {
            return Optional.of(daoRegistry.getResourceDao(Patient.class)
                    .read(new IdType(patient).toUnqualifiedVersionless(), new SystemRequestDetails()));
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            return Optional.empty();
        }
    }
}
