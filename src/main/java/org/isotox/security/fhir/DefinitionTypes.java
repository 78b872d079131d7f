package org.isotox.security.fhir;

import java.util.Set;

/** The resource types that define the trial (study, protocol, instruments, terminology, conformance): the coordinator's to write. */
final class DefinitionTypes {

    private static final Set<String> TYPES = Set.of(
            "ResearchStudy", "PlanDefinition", "ActivityDefinition", "Group", "Questionnaire", "StructureDefinition",
            "CodeSystem", "ValueSet", "ConceptMap", "SearchParameter", "NamingSystem", "Library", "Measure",
            "Subscription", "OperationDefinition", "CapabilityStatement", "CompartmentDefinition", "ImplementationGuide",
            "StructureMap", "GraphDefinition", "MessageDefinition", "EventDefinition", "ObservationDefinition",
            "SpecimenDefinition", "TerminologyCapabilities");

    private DefinitionTypes() {}

    static boolean contains(String resourceType) {
        return TYPES.contains(resourceType);
    }
}
