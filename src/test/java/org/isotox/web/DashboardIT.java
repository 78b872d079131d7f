package org.isotox.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import io.restassured.RestAssured;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser (headless chromium): signed in through the embedded issuer as a
 * demo user, every panel drawn with the numbers the API gives; a site investigator sees his
 * site's subjects only. Screenshots go to {@code target/dashboard-screenshots/}.
 */
@FhirServerTest
class DashboardIT {

    private static final List<String> PANELS = List.of("enrolment", "safety", "toxicities", "doses", "dvh", "os", "pfs", "swimmer", "overdue");
    private static DashboardCohort cohort;

    @BeforeEach
    void cohort() {
        if (cohort == null) {
            cohort = DashboardCohort.build();
        }
    }

    @Test
    void theServersRootLeadsToTheDashboardWhichSignsInWithTheServersOwnIssuer() {
        given().port(RestAssured.port).basePath("").redirects().follow(false).get("/")
                .then().statusCode(302).header("Location", endsWith("/dashboard/"));
        given().port(RestAssured.port).basePath("").get("/dashboard/config.json").then().statusCode(200)
                .body("clientId", equalTo("isotox-dashboard"))
                .body("authorizationEndpoint", equalTo("/oauth2/authorize"))
                .body("tokenEndpoint", equalTo("/oauth2/token"))
                .body("scope", equalTo("openid user/*.rs"));
        given().port(RestAssured.port).basePath("").get("/webjars/echarts/dist/echarts.min.js").then().statusCode(200);
    }

    @Test
    void theCoordinatorSeesEveryPanelWithTheNumbersOfTheApi() throws Exception {
        try (DashboardBrowser browser = DashboardBrowser.start()) {
            browser.signInAndOpen(RestAssured.port, cohort.studyId(), "coordinator");
            browser.screenshots("coordinator", PANELS);

            assertThat(browser.pageState()).isEqualTo("ready");
            PANELS.forEach(panel -> assertThat(browser.panelState(panel)).as(panel).isEqualTo("ready"));
            assertThat(browser.png("enrolment")).startsWith("data:image/png;base64,");

            Parameters simon = operation("$simon-status");
            assertThat(browser.text("#enrolment .decision")).isEqualTo(simon.getParameter("decision").getValue().primitiveValue());
            assertThat(lastPoints(browser.chartOption("enrolment"), 3)).isEqualTo(9);
            ParametersParameterComponent design = simon.getParameter("designAudit");
            Map<String, Object> safety = browser.chartOption("safety");
            assertThat(number(firstSeries(safety), "data", 0, "value"))
                    .isEqualTo(integer(simon.getParameter("stage1SevereToxicities")));
            assertThat(number(firstSeries(safety), "markLine", "data", 0, "xAxis"))
                    .isEqualTo(integer(part(design, "n1")) - integer(part(design, "r1")));
            long pending = simon.getParameter().stream()
                    .filter(p -> p.getName().equals("notYetEvaluable") || p.getName().equals("lateSevereToxicity")).count();
            assertThat(((Number) browser.script(
                    "return document.querySelectorAll('#safety table.pending tbody tr').length")).longValue())
                    .as("the safety tracker lists who is not evaluable yet, as $simon-status does").isEqualTo(pending);

            assertThat(browser.csvRows("toxicities")).containsExactly(
                    List.of("CTCAE term", "grade 1", "grade 2", "grade 3", "grade 4", "grade 5"),
                    List.of("Esophagitis", 0L, 1L, 1L, 0L, 0L),
                    List.of("Pneumonitis", 0L, 1L, 1L, 0L, 0L));

            for (int i = 0; i < 4; i++) {
                DashboardCohort.Member member = cohort.members().get(i);
                Quantity dose = (Quantity) parse(fhirRequest().get("/" + member.subject() + "/$isotoxic-prescription")
                        .then().statusCode(200).extract().response(), Parameters.class).getParameter("totalDose").getValue();
                assertThat(browser.csvRows("doses")).anySatisfy(row -> {
                    assertThat(row.get(0)).isEqualTo(member.subject());
                    assertThat(((Number) row.get(2)).doubleValue()).isEqualTo(dose.getValue().doubleValue());
                });
            }
            assertThat(browser.csvRows("doses")).extracting(row -> row.get(4)).contains("Lungs-GTV V20", "Esophagus Dmax");
            assertThat(series(browser.chartOption("dvh"))).hasSize(3);

            Parameters endpoints = operation("$endpoints");
            for (String endpoint : List.of("OS", "PFS")) {
                String panel = endpoint.toLowerCase();
                assertThat(subtitle(browser.chartOption(panel))).as(endpoint + " plots the protocol's population by default")
                        .isEqualTo("Protocol population: withdrawn and lost to follow-up excluded");
                assertPlots(browser, panel, endpoint(endpoints, endpoint, "protocol"));
                browser.choose(panel, "all-enrolled");
                assertThat(subtitle(browser.chartOption(panel))).isEqualTo("All enrolled subjects, withdrawn censored at withdrawal");
                assertPlots(browser, panel, endpoint(endpoints, endpoint, "all-enrolled"));
            }
            assertThat(integer(part(endpoint(endpoints, "OS", "protocol"), "n"))).as("the withdrawn subject is left out").isEqualTo(8);
            assertThat(integer(part(endpoint(endpoints, "OS", "all-enrolled"), "n"))).isEqualTo(9);

            Map<String, Object> swimmer = browser.chartOption("swimmer");
            assertThat(yCategories(swimmer)).hasSize(9);
            assertThat(seriesNamed(swimmer, "death")).hasSize(1);
            assertThat(seriesNamed(swimmer, "progression")).hasSize(1);
            assertThat(seriesNamed(swimmer, "toxicity")).hasSize(4);
            assertThat(seriesNamed(swimmer, "visit")).hasSize(1);
            assertThat(seriesNamed(swimmer, "radiotherapy")).hasSize(9);

            Parameters overdue = operation("$overdue?asOf=" + LocalDate.now(ZoneOffset.UTC));
            long activities = overdue.getParameter().stream().filter(p -> p.getName().equals("subject"))
                    .mapToLong(s -> s.getPart().stream().filter(p -> p.getName().equals("activity")).count()).sum();
            assertThat(activities).isPositive();
            assertThat(browser.csvRows("overdue")).hasSize(1 + (int) activities);
        }
    }

    @Test
    void aSiteInvestigatorSeesOnlyHisSitesSubjects() throws Exception {
        try (DashboardBrowser browser = DashboardBrowser.start()) {
            browser.signInAndOpen(RestAssured.port, cohort.studyId(), "dr-ncpb");
            browser.screenshots("investigator-ncpb", List.of("swimmer", "overdue"));

            List<DashboardCohort.Member> own = cohort.at("ihr-ncpb");
            assertThat(browser.csvRows("swimmer").subList(1, browser.csvRows("swimmer").size())).extracting(row -> row.get(0))
                    .isNotEmpty()
                    .allMatch(subject -> own.stream().anyMatch(m -> m.subject().equals(subject)));
            assertThat(yCategories(browser.chartOption("swimmer"))).hasSize(own.size());
            assertThat(browser.csvRows("overdue").subList(1, browser.csvRows("overdue").size())).extracting(row -> row.get(1))
                    .isNotEmpty()
                    .allMatch(subject -> own.stream().anyMatch(m -> m.subject().equals(subject)));
        }
    }

    /** The panel's title and CSV show the endpoint's numbers. */
    private static void assertPlots(DashboardBrowser browser, String panel, ParametersParameterComponent result) {
        assertThat(title(browser.chartOption(panel))).as(panel)
                .contains(integer(part(result, "events")) + " events in " + integer(part(result, "n")) + " subjects");
        assertThat(browser.csvRows(panel)).hasSize(1 + (int) result.getPart().stream().filter(p -> p.getName().equals("step")).count());
    }

    private static ParametersParameterComponent endpoint(Parameters endpoints, String name, String population) {
        return endpoints.getParameter().stream()
                .filter(p -> p.getName().equals("endpoint") && part(p, "name").getValue().primitiveValue().equals(name)
                        && ((Coding) part(p, "population").getValue()).getCode().equals(population))
                .findFirst().orElseThrow();
    }

    private static ParametersParameterComponent part(ParametersParameterComponent parent, String name) {
        return parent.getPart().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }

    private static int integer(ParametersParameterComponent parameter) {
        return ((IntegerType) parameter.getValue()).getValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> series(Map<String, Object> option) {
        return (List<Map<String, Object>>) option.get("series");
    }

    private static Map<String, Object> firstSeries(Map<String, Object> option) {
        return series(option).get(0);
    }

    private static List<?> seriesNamed(Map<String, Object> option, String name) {
        return series(option).stream().filter(s -> name.equals(s.get("name"))).map(s -> (List<?>) s.get("data"))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<?> yCategories(Map<String, Object> option) {
        return (List<?>) ((List<Map<String, Object>>) option.get("yAxis")).get(0).get("data");
    }

    private static String title(Map<String, Object> option) {
        return (String) titleOf(option).get("text");
    }

    private static String subtitle(Map<String, Object> option) {
        return (String) titleOf(option).get("subtext");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> titleOf(Map<String, Object> option) {
        return ((List<Map<String, Object>>) option.get("title")).get(0);
    }

    /** The sum of the last cumulative counts of the first {@code sites} series (one per site). */
    private static int lastPoints(Map<String, Object> option, int sites) {
        return series(option).stream().limit(sites).mapToInt(s -> {
            List<?> data = (List<?>) s.get("data");
            return ((Number) ((List<?>) data.get(data.size() - 1)).get(1)).intValue();
        }).sum();
    }

    /** A number inside a chart option, found by keys and list indexes. */
    private static int number(Object root, Object... path) {
        Object at = root;
        for (Object step : path) {
            at = step instanceof Integer index ? ((List<?>) at).get(index) : ((Map<?, ?>) at).get(step);
        }
        return ((Number) at).intValue();
    }

    private static Parameters operation(String name) {
        return parse(fhirRequest().get("/ResearchStudy/" + cohort.studyId() + "/" + name)
                .then().statusCode(200).extract().response(), Parameters.class);
    }
}
