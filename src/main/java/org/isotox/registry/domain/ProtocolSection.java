package org.isotox.registry.domain;

import java.util.List;

/**
 * The registration part of a record: the modules a coordinator maintains on ClinicalTrials.gov.
 * Fields and enum constants carry the registry's names; a field the record leaves out is null.
 */
public record ProtocolSection(
        IdentificationModule identificationModule,
        StatusModule statusModule,
        SponsorCollaboratorsModule sponsorCollaboratorsModule,
        DescriptionModule descriptionModule,
        ConditionsModule conditionsModule,
        DesignModule designModule,
        ArmsInterventionsModule armsInterventionsModule,
        OutcomesModule outcomesModule,
        EligibilityModule eligibilityModule,
        ContactsLocationsModule contactsLocationsModule) {

    public record IdentificationModule(
            String nctId, OrgStudyIdInfo orgStudyIdInfo, Organization organization, String briefTitle,
            String officialTitle, String acronym) {}

    public record OrgStudyIdInfo(String id) {}

    /** {@code organizationClass} is {@code class} in the registry's JSON. */
    public record Organization(String fullName, String organizationClass) {}

    public record StatusModule(
            String statusVerifiedDate, OverallStatus overallStatus, String whyStopped, DateStruct startDateStruct,
            DateStruct primaryCompletionDateStruct, DateStruct completionDateStruct) {}

    /** A date as the registry writes it (YYYY-MM or YYYY-MM-DD), ACTUAL or ESTIMATED. */
    public record DateStruct(String date, DateType type) {}

    public enum DateType { ACTUAL, ESTIMATED }

    public record SponsorCollaboratorsModule(Sponsor leadSponsor, List<Sponsor> collaborators) {}

    /** {@code sponsorClass} is {@code class} in the registry's JSON. */
    public record Sponsor(String name, String sponsorClass) {}

    public record DescriptionModule(String briefSummary, String detailedDescription) {}

    public record ConditionsModule(List<String> conditions, List<String> keywords) {}

    public record DesignModule(StudyType studyType, List<Phase> phases, DesignInfo designInfo, EnrollmentInfo enrollmentInfo) {}

    public enum StudyType { INTERVENTIONAL, OBSERVATIONAL, EXPANDED_ACCESS }

    public record DesignInfo(
            Allocation allocation, InterventionModel interventionModel, PrimaryPurpose primaryPurpose, MaskingInfo maskingInfo) {}

    public enum Allocation { RANDOMIZED, NON_RANDOMIZED, NA }

    public enum InterventionModel { SINGLE_GROUP, PARALLEL, CROSSOVER, FACTORIAL, SEQUENTIAL }

    /** Primary purposes; those FHIR R4 has a code for carry it. */
    public enum PrimaryPurpose {
        TREATMENT("treatment"), PREVENTION("prevention"), DIAGNOSTIC("diagnostic"), SUPPORTIVE_CARE("supportive-care"),
        SCREENING("screening"), HEALTH_SERVICES_RESEARCH("health-services-research"), BASIC_SCIENCE("basic-science"),
        DEVICE_FEASIBILITY("device-feasibility"), ECT(null), OTHER(null);

        private final String fhirCode;

        PrimaryPurpose(String fhirCode) {
            this.fhirCode = fhirCode;
        }

        public String fhirCode() {
            return fhirCode;
        }
    }

    public record MaskingInfo(Masking masking) {}

    public enum Masking { NONE, SINGLE, DOUBLE, TRIPLE, QUADRUPLE }

    public record EnrollmentInfo(Integer count, DateType type) {}

    public record ArmsInterventionsModule(List<ArmGroup> armGroups, List<Intervention> interventions) {}

    public record ArmGroup(String label, ArmGroupType type, String description, List<String> interventionNames) {}

    /** Arm types and their research-study-arm-type codes. */
    public enum ArmGroupType {
        EXPERIMENTAL("experimental"), ACTIVE_COMPARATOR("active-comparator"), PLACEBO_COMPARATOR("placebo-comparator"),
        SHAM_COMPARATOR("sham-comparator"), NO_INTERVENTION("no-intervention"), OTHER("other-arm-type");

        private final String fhirCode;

        ArmGroupType(String fhirCode) {
            this.fhirCode = fhirCode;
        }

        public String fhirCode() {
            return fhirCode;
        }
    }

    public record Intervention(InterventionType type, String name, String description, List<String> armGroupLabels) {}

    public enum InterventionType {
        DRUG, DEVICE, BIOLOGICAL, PROCEDURE, RADIATION, BEHAVIORAL, GENETIC, DIETARY_SUPPLEMENT, COMBINATION_PRODUCT,
        DIAGNOSTIC_TEST, OTHER
    }

    public record OutcomesModule(List<Outcome> primaryOutcomes, List<Outcome> secondaryOutcomes) {}

    public record Outcome(String measure, String description, String timeFrame) {}

    public record EligibilityModule(
            String eligibilityCriteria, Boolean healthyVolunteers, Sex sex, String minimumAge, String maximumAge,
            List<StdAge> stdAges) {}

    public enum Sex { ALL, FEMALE, MALE }

    public enum StdAge { CHILD, ADULT, OLDER_ADULT }

    public record ContactsLocationsModule(List<Contact> centralContacts, List<Official> overallOfficials, List<Location> locations) {}

    public record Contact(String name, String role, String phone, String email) {}

    public record Official(String name, String affiliation, String role) {}

    public record Location(String facility, String status, String city, String state, String zip, String country) {}
}
