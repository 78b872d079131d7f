package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.isotox.testsupport.Fhir.count;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Group.GroupCharacteristicComponent;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionGoalComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The IHR study definition, loaded at start-up, readable by any client, loaded once only. */
@FhirServerTest
class StudyDefinitionIT {

    @Autowired
    StudyDefinitionLoader studyLoader;

    @Autowired
    ConformanceResourceLoader conformanceLoader;

    @Test
    void studyCarriesItsSimonDesignAndSevereToxicityDefinition() {
        ResearchStudy study = IhrStudy.load().study();

        assertThat(study.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly(IhrStudy.PROFILE_BASE + "isotox-research-study");
        assertThat(study.getPhase().getCodingFirstRep().getCode()).isEqualTo("phase-2");
        Extension simon = study.getExtensionByUrl(IhrStudy.PROFILE_BASE + "simon-two-stage-design");
        assertThat(part(simon, "stage1SampleSize")).isEqualTo("12");
        assertThat(part(simon, "stage1StoppingBoundary")).isEqualTo("4");
        assertThat(part(simon, "totalSampleSize")).isEqualTo("30");
        assertThat(part(simon, "p0")).isEqualTo("0.75");
        assertThat(part(simon, "p1")).isEqualTo("0.9");
        assertThat(part(simon, "alpha")).isEqualTo("0.125");
        assertThat(part(simon, "power")).isEqualTo("0.85");
        assertThat(study.getExtensionsByUrl(IhrStudy.PROFILE_BASE + "severe-toxicity-criterion")).hasSize(3);
    }

    @Test
    void sitesAreTheThreeHospitalsOfTheProtocol() {
        ResearchStudy study = IhrStudy.load().study();

        List<String> hospitals = study.getSite().stream()
                .map(site -> read(site.getReference(), Location.class).getManagingOrganization().getReference())
                .map(organization -> read(organization, Organization.class).getName())
                .toList();

        assertThat(hospitals).containsExactlyInAnyOrder(
                "The Second Hospital of Hebei Medical University",
                "North China Petroleum Bureau General Hospital of Hebei Medical University",
                "No.1 Hospital of Shijiazhuang City");
    }

    @Test
    void eligibilityGroupHoldsEveryInclusionAndExclusionCriterion() {
        Group eligibility = read(IhrStudy.load().study().getEnrollmentFirstRep().getReference(), Group.class);

        List<String> criteria = eligibility.getCharacteristic().stream()
                .map(c -> c.getExtensionByUrl(IhrStudy.PROFILE_BASE + "eligibility-criterion").getValue())
                .map(v -> ((org.hl7.fhir.r4.model.Coding) v).getCode())
                .distinct()
                .toList();
        assertThat(criteria).containsExactly(
                "inc-nsclc-confirmed", "inc-stage-iii-unresectable", "inc-age", "inc-life-expectancy",
                "inc-karnofsky", "inc-blood-routine", "inc-liver-kidney-function",
                "exc-serious-comorbidity", "exc-unsuitable-hypofractionation");
        assertThat(eligibility.getCharacteristic()).filteredOn(GroupCharacteristicComponent::getExclude).hasSize(7);
        GroupCharacteristicComponent karnofsky = eligibility.getCharacteristic().stream()
                .filter(c -> c.getCode().getCodingFirstRep().getCode().equals("89243-0"))
                .findFirst()
                .orElseThrow();
        assertThat(karnofsky.getValueRange().getLow().getValue()).isEqualByComparingTo("60");
    }

    @Test
    void protocolHoldsTheIsotoxicRulesAsGoals() {
        PlanDefinition protocol = read(IhrStudy.load().study().getProtocolFirstRep().getReference(), PlanDefinition.class);

        assertThat(goalQuantity(protocol, "fraction-dose").getValue()).isEqualByComparingTo("3");
        assertThat(goalQuantity(protocol, "minimum-total-dose").getValue()).isEqualByComparingTo("45");
        assertThat(goalQuantity(protocol, "maximum-total-dose").getValue()).isEqualByComparingTo("72");
        List<String> limits = protocol.getGoal().stream()
                .filter(g -> g.getCategory().getCodingFirstRep().getCode().equals("isotoxic-limit"))
                .map(g -> g.getAddressesFirstRep().getCodingFirstRep().getCode() + " "
                        + g.getTargetFirstRep().getMeasure().getCodingFirstRep().getCode() + " <= "
                        + g.getTargetFirstRep().getDetailRange().getHigh().getValue().stripTrailingZeros().toPlainString()
                        + " " + g.getTargetFirstRep().getDetailRange().getHigh().getCode())
                .toList();
        assertThat(limits).containsExactly(
                "SpinalCord Dmax <= 45 Gy", "SpinalCord DmaxPerFraction <= 2 Gy", "Lungs-GTV Vx <= 30 %",
                "Lungs-GTV Vx <= 65 %", "Lungs-GTV Dmean <= 16 Gy", "Esophagus Dmax <= 72 Gy");
        assertThat(protocol.getAction()).extracting(a -> a.getId())
                .contains("radiotherapy", "end-of-rt", "visit-1-month", "visits-3-monthly", "visits-6-monthly");
    }

    @Test
    void loadingTheDefinitionsAgainChangesNothing() throws Exception {
        ResearchStudy before = IhrStudy.load().study();

        conformanceLoader.run(null);
        studyLoader.run(null);

        ResearchStudy after = IhrStudy.load().study();
        assertThat(count("ResearchStudy", "identifier=https://clinicaltrials.gov|" + IhrStudy.NCT)).isEqualTo(1);
        assertThat(after.getIdElement().getIdPart()).isEqualTo(before.getIdElement().getIdPart());
        assertThat(after.getMeta().getVersionId()).isEqualTo("1");
        assertThat(count("PlanDefinition", "url=https://isotox.org/fhir/PlanDefinition/ihr-protocol")).isEqualTo(1);
        assertThat(read("StructureDefinition/isotox-ctcae-toxicity", org.hl7.fhir.r4.model.StructureDefinition.class)
                        .getMeta()
                        .getVersionId())
                .isEqualTo("1");
    }

    @Test
    void writesAreStillCheckedAgainstTheExtensionsAfterTheDefinitionsAreLoadedAgain() {
        ResearchStudy study = IhrStudy.load().study().copy();
        study.setId((String) null);
        study.setMeta(null);
        study.getIdentifierFirstRep().setValue(IhrStudy.NCT + "-copy");
        study.getExtensionByUrl(IhrStudy.PROFILE_BASE + "simon-two-stage-design")
                .getExtensionByUrl("p0")
                .setValue(new DecimalType("1.5"));
        study.getMeta().addProfile(IhrStudy.PROFILE_BASE + "isotox-research-study");
        fhirRequest(study).post("/ResearchStudy").then().statusCode(422)
                .body("issue.diagnostics", hasItem(containsString("maximum value")));

        conformanceLoader.run(null);

        fhirRequest(study).post("/ResearchStudy").then().statusCode(422)
                .body("issue.diagnostics", hasItem(containsString("maximum value")));
    }

    private static String part(Extension extension, String name) {
        return extension.getExtensionByUrl(name).getValue().primitiveValue();
    }

    private static Quantity goalQuantity(PlanDefinition protocol, String category) {
        PlanDefinitionGoalComponent goal = protocol.getGoal().stream()
                .filter(g -> g.getCategory().getCodingFirstRep().getCode().equals(category))
                .findFirst()
                .orElseThrow();
        return goal.getTargetFirstRep().getDetailQuantity();
    }

    private static <T extends Resource> T read(String reference, Class<T> type) {
        return parse(fhirRequest().get("/" + reference).then().statusCode(200).extract().response(), type);
    }
}
