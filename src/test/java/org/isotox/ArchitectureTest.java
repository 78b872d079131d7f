package org.isotox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The clinical cores stay plain Java: no HAPI, HL7 model or Spring types in any {@code ..domain..} package. */
@AnalyzeClasses(packages = "org.isotox", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that()
            .resideInAPackage("org.isotox..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..", "org.springframework..", "jakarta..", "com.fasterxml.jackson..")
            .allowEmptyShould(true)
            .because("clinical computations are pure Java, unit-tested on their own (ARCHITECTURE.md, principle 2)");

    @ArchTest
    static final ArchRule capabilitiesFormNoCycle = slices()
            .matching("org.isotox.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a reader finds a rule where its capability is, and each package builds on those below it only");

    @ArchTest
    static final ArchRule capabilitiesDoNotReachIntoTheServerWiring = noClasses()
            .that()
            .resideOutsideOfPackage("org.isotox.server..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.isotox.server..")
            .because("org.isotox.server wires HAPI and Spring together; capabilities use the shared helpers of org.isotox.fhir");
}
