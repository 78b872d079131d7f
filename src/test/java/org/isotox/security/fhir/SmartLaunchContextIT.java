package org.isotox.security.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.security.fhir.SmartLaunches.browser;
import static org.isotox.security.fhir.SmartLaunches.claims;
import static org.isotox.security.fhir.SmartLaunches.exchange;
import static org.isotox.security.fhir.SmartLaunches.hidden;
import static org.isotox.testsupport.Fhir.JSON;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.isotox.security.fhir.SmartLaunches.SignedIn;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;

/**
 * SMART App Launch 2's launch context as the embedded issuer gives it: a standalone {@code launch/patient}
 * launch names the patient in the token response (the signed-in patient, or the one a practitioner picks among
 * his site's), {@code patient/} scopes reach that patient only, and every demo user's {@code fhirUser} is a
 * record of the server, named in the id_token and the token response.
 */
@FhirServerTest
class SmartLaunchContextIT {

    private static final String DEMO_PATIENT = "demo-patient-0001";
    private static final String PATIENT_SCOPE = "openid fhirUser launch/patient patient/*.rs";

    @Test
    void aPatientsLaunchNamesHimAndHisPatientScopesReachHimOnly() throws Exception {
        String state = "patient-launch";
        JsonPath token = token(SmartLaunches.code(SmartLaunches.signIn("patient-hmu2", PATIENT_SCOPE, state).next(), state));

        assertThat(token.getString("patient")).isEqualTo(DEMO_PATIENT);
        assertThat(token.getString("fhirUser")).isEqualTo("Patient/" + DEMO_PATIENT);
        assertThat(claims(token.getString("id_token"))).containsEntry("fhirUser", "Patient/" + DEMO_PATIENT);
        String bearer = token.getString("access_token");
        assertThat(claims(bearer)).containsEntry("patient", DEMO_PATIENT).containsEntry("isotox_role", "patient");

        given().auth().oauth2(bearer).accept(JSON).get("/Patient/" + DEMO_PATIENT).then().statusCode(200);
        Bundle observations = bundle(given().auth().oauth2(bearer).accept(JSON).get("/Observation?_count=50")
                .then().statusCode(200).extract().response());
        assertThat(observations.getEntry()).as("the enrolled demo patient has records").isNotEmpty();
        assertThat(observations.getEntry()).extracting(e -> ((org.hl7.fhir.r4.model.Observation) e.getResource()).getSubject().getReference())
                .allMatch(subject -> subject.endsWith("Patient/" + DEMO_PATIENT));

        String neighbour = Fhir.create(SiteFixtures.patientOf(SiteFixtures.organization("ihr-hmu2")));
        fhirRequest(SiteFixtures.heartRate("Patient/" + neighbour)).post("/Observation").then().statusCode(201);
        assertThat(given().auth().oauth2(bearer).accept(JSON).get("/Patient/" + neighbour).statusCode()).isIn(403, 404);
        Response others = given().auth().oauth2(bearer).accept(JSON).get("/Observation?subject=Patient/" + neighbour);
        assertThat(others.statusCode() == 403 || bundle(others).getEntry().isEmpty())
                .as("another patient of his own site is out of his reach: %s", others.asString()).isTrue();
        given().auth().oauth2(bearer).accept(JSON).get("/Practitioner").then().statusCode(403);
    }

    @Test
    void aPractitionerPicksAPatientOfHisSiteAndTheTokenNamesHim() throws Exception {
        String state = "picker-launch";
        SignedIn signedIn = SmartLaunches.signIn("dr-hmu2", PATIENT_SCOPE, state);
        assertThat(signedIn.next().getPath()).isEqualTo("/launch/patient");

        Response picker = browser(signedIn.cookies()).urlEncodingEnabled(false).get(signedIn.next().getRawPath() + "?" + signedIn.next().getRawQuery());
        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(picker.asString()).contains("value=\"" + DEMO_PATIENT + "\"");
        Response picked = pick(signedIn, picker, DEMO_PATIENT);
        assertThat(picked.statusCode()).isEqualTo(302);
        URI authorize = URI.create(picked.header("Location"));
        Response backToApp = browser(signedIn.cookies()).urlEncodingEnabled(false).get(authorize.getRawPath() + "?" + authorize.getRawQuery());
        assertThat(backToApp.statusCode()).as("%s -> %s", picked.header("Location"), backToApp.asString()).isEqualTo(302);
        JsonPath token = token(SmartLaunches.code(URI.create(backToApp.header("Location")), state));

        assertThat(token.getString("patient")).isEqualTo(DEMO_PATIENT);
        assertThat(token.getString("fhirUser")).isEqualTo("Practitioner/demo-dr-hmu2");
        assertThat(claims(token.getString("id_token"))).containsEntry("fhirUser", "Practitioner/demo-dr-hmu2");
        given().auth().oauth2(token.getString("access_token")).accept(JSON).get("/Patient/" + DEMO_PATIENT).then().statusCode(200);
    }

    @Test
    void anotherSitesPractitionerNeitherSeesNorPicksThatPatient() throws Exception {
        String state = "foreign-picker";
        SignedIn signedIn = SmartLaunches.signIn("dr-ncpb", PATIENT_SCOPE, state);
        Response picker = browser(signedIn.cookies()).urlEncodingEnabled(false).get(signedIn.next().getRawPath() + "?" + signedIn.next().getRawQuery());
        assertThat(picker.asString()).doesNotContain(DEMO_PATIENT);

        Response refused = pick(signedIn, picker, DEMO_PATIENT);

        assertThat(refused.statusCode()).isEqualTo(403);
        Response stillPicking = browser(signedIn.cookies()).urlEncodingEnabled(false)
                .get("/oauth2/authorize?" + signedIn.next().getRawQuery());
        assertThat(stillPicking.header("Location")).as("no code without a patient of his site").contains("/launch/patient")
                .doesNotContain("code=");
    }

    @Test
    void everyDemoUsersFhirUserIsARecordOfTheServer() {
        for (String fhirUser : List.of("Practitioner/demo-dr-hmu2", "Practitioner/demo-dr-ncpb", "Practitioner/demo-dr-sjz1",
                "Practitioner/demo-physicist-hmu2", "Practitioner/demo-radonc-hmu2", "Practitioner/demo-coordinator",
                "Practitioner/demo-monitor", "Patient/" + DEMO_PATIENT)) {
            fhirRequest().get("/" + fhirUser).then().statusCode(200);
        }
        Bundle subjects = bundle(fhirRequest().get("/ResearchSubject?patient=Patient/" + DEMO_PATIENT).then().statusCode(200)
                .extract().response());
        assertThat(subjects.getEntry()).as("the demo patient is enrolled").singleElement()
                .satisfies(e -> assertThat(((org.hl7.fhir.r4.model.ResearchSubject) e.getResource()).getStatus().toCode()).isEqualTo("on-study"));
        fhirRequest().get("/Patient/" + DEMO_PATIENT).then().body("meta.security.code", org.hamcrest.Matchers.hasItem("ihr-hmu2"));
    }

    @Test
    void theSmartConfigurationAnnouncesTheStandalonePatientLaunch() {
        JsonPath smart = given().port(RestAssured.port).basePath("").get("/fhir/.well-known/smart-configuration")
                .then().statusCode(200).extract().jsonPath();

        assertThat(smart.getList("capabilities", String.class)).contains("context-standalone-patient", "launch-standalone",
                "sso-openid-connect", "permission-patient").doesNotContain("context-ehr-patient", "permission-offline");
        assertThat(smart.getList("scopes_supported", String.class)).contains("launch/patient", "fhirUser");
    }

    private static JsonPath token(String code) {
        return exchange(code, SmartLaunches.VERIFIER).then().statusCode(200).extract().jsonPath();
    }

    private static Response pick(SignedIn signedIn, Response picker, String patient) {
        return browser(signedIn.cookies()).cookies(picker.getCookies())
                .formParams(Map.of("patient", patient, "authorize", hidden(picker.asString(), "authorize"),
                        "_csrf", hidden(picker.asString(), "_csrf")))
                .post("/launch/patient");
    }
}
