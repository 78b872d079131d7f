package org.isotox.study.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject.ResearchSubjectStatus;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.fhir.BundlePages;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.FhirDates;
import org.isotox.study.domain.EnrolledSubject;
import org.springframework.stereotype.Component;

/** The subjects enrolled in a study (those the server gave an enrolment sequence number). */
@Component
public class StudyRoster {

    public static final String ENROLMENT_SEQUENCE = Canonicals.structureDefinition("enrolment-sequence");
    public static final String SIMON_STAGE = Canonicals.structureDefinition("simon-stage");
    static final String SUBJECT_SITE = Canonicals.structureDefinition("research-subject-site");

    private final DaoRegistry daoRegistry;

    StudyRoster(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /** All ResearchSubjects of the study, enrolled or not. */
    public List<ResearchSubject> subjectsOf(String studyReference) {
        SearchParameterMap byStudy =
                SearchParameterMap.newSynchronous(ResearchSubject.SP_STUDY, new ReferenceParam(studyReference));
        return daoRegistry.getResourceDao(ResearchSubject.class).search(byStudy, new SystemRequestDetails())
                .getAllResources().stream()
                .map(ResearchSubject.class::cast)
                .toList();
    }

    /**
     * The study's ResearchSubjects (references) that {@code request}'s caller may see: the search runs as the
     * caller's, so the ownership rules narrow it as any search of theirs.
     */
    public Set<String> visibleSubjectsOf(String studyReference, RequestDetails request) {
        SearchParameterMap byStudy =
                SearchParameterMap.newSynchronous(ResearchSubject.SP_STUDY, new ReferenceParam(studyReference));
        try {
            return BundlePages.all(daoRegistry.getResourceDao(ResearchSubject.class).search(byStudy, request)).stream()
                    .map(subject -> "ResearchSubject/" + subject.getIdElement().getIdPart())
                    .collect(Collectors.toSet());
        } catch (BaseServerResponseException refused) {
            return Set.of();
        }
    }

    /** The studies (references) in which this patient is an enrolled subject. */
    public List<String> studiesOf(String patientReference) {
        return enrolledSubjectsOf(patientReference).stream()
                .map(s -> s.getStudy().getReference())
                .distinct()
                .toList();
    }

    /** The patient's enrolments, in whatever study. */
    public List<EnrolledSubject> enrolmentsOf(String patientReference) {
        return enrolledSubjectsOf(patientReference).stream().map(StudyRoster::enrolled).flatMap(Optional::stream).toList();
    }

    /** The ResearchSubjects by which this patient is enrolled in a study. */
    public List<ResearchSubject> enrolledSubjectsOf(String patientReference) {
        SearchParameterMap byPatient = SearchParameterMap.newSynchronous(
                ResearchSubject.SP_INDIVIDUAL, new ReferenceParam(patientReference));
        return daoRegistry.getResourceDao(ResearchSubject.class).search(byPatient, new SystemRequestDetails())
                .getAllResources().stream()
                .map(ResearchSubject.class::cast)
                .filter(s -> s.hasExtension(ENROLMENT_SEQUENCE))
                .toList();
    }

    /** The site (Organization reference) a subject is enrolled at, if it names one. */
    public static Optional<String> siteOf(ResearchSubject subject) {
        return Optional.ofNullable(subject.getExtensionByUrl(SUBJECT_SITE))
                .filter(e -> e.getValue() instanceof Reference)
                .map(e -> ((Reference) e.getValue()).getReference());
    }

    /** The enrolled subjects of the study. */
    public List<EnrolledSubject> enrolled(String studyReference) {
        return subjectsOf(studyReference).stream().map(StudyRoster::enrolled).flatMap(Optional::stream).toList();
    }

    /**
     * The subject as enrolled, if the server enrolled it (gave it a sequence number and it has its enrolment date);
     * a withdrawn subject's {@code period.end} is the day it was withdrawn.
     */
    public static Optional<EnrolledSubject> enrolled(ResearchSubject subject) {
        if (!subject.hasExtension(ENROLMENT_SEQUENCE) || !subject.getPeriod().hasStartElement()) {
            return Optional.empty();
        }
        int sequence = ((PositiveIntType) subject.getExtensionByUrl(ENROLMENT_SEQUENCE).getValue()).getValue();
        boolean withdrawn = subject.getStatus() == ResearchSubjectStatus.WITHDRAWN;
        return Optional.of(new EnrolledSubject(
                "ResearchSubject/" + subject.getIdElement().getIdPart(),
                subject.getIndividual().getReference(),
                sequence,
                FhirDates.localDate(subject.getPeriod().getStartElement()),
                withdrawn,
                withdrawn ? FhirDates.dayOf(subject.getPeriod().getEndElement()) : Optional.empty()));
    }
}
