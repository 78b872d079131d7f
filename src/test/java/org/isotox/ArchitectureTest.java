package org.isotox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
            .resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..", "org.springframework..", "jakarta..")
            .allowEmptyShould(true)
            .because("clinical computations are pure Java, unit-tested on their own (ARCHITECTURE.md, principle 2)");
}
