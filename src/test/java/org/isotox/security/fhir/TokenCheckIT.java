package org.isotox.security.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.JSON;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.outcome;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Extension;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;

/** No way in without a valid token of the trusted issuer for this server; SMART apps find how to get one. */
@FhirServerTest
class TokenCheckIT {

    private static final Map<String, Object> COORDINATOR =
            Map.of("isotox_role", "coordinator", "scope", "user/*.cruds");

    @Test
    void withoutATokenTheApiAnswers401WithABearerChallenge() {
        Response response = given().accept(JSON).get("/Patient");

        response.then().statusCode(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).contains("bearer token is required");
    }

    @Test
    void theServerPublishesNoOpenApiDescriptionBesideTheCapabilityStatement() {
        given().basePath("").get("/v3/api-docs").then().statusCode(404);
        given().basePath("").get("/swagger-ui/index.html").then().statusCode(404);
    }

    @Test
    void aTokenMintedWithTheServersKeyAndRightClaimsIsAccepted() {
        withToken(MintedTokens.token().claims(COORDINATOR).sign()).get("/Patient?_count=1").then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = MintedTokens.token().claims(COORDINATOR).expiredSince(Duration.ofMinutes(5)).sign();

        Response response = withToken(expired).get("/Patient");

        response.then().statusCode(401);
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void aTokenThatNeverExpiresIsRefused() {
        withToken(MintedTokens.token().claims(COORDINATOR).withoutExpiry().sign()).get("/Patient").then().statusCode(401);
    }

    @Test
    void aTokenForAnotherServerIsRefused() {
        withToken(MintedTokens.token().claims(COORDINATOR).audience("https://other.example/fhir").sign())
                .get("/Patient").then().statusCode(401);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        withToken(MintedTokens.token().claims(COORDINATOR).issuer("https://evil.example").sign())
                .get("/Patient").then().statusCode(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        withToken(MintedTokens.token().claims(COORDINATOR).signedByAStranger().sign())
                .get("/Patient").then().statusCode(401);
    }

    @Test
    void aTokenWithoutATrialRoleReachesNothing() {
        withToken(MintedTokens.token().claim("scope", "user/*.cruds").sign()).get("/Patient").then().statusCode(403);
    }

    @Test
    void aReadOnlyScopeDoesNotWrite() {
        String readOnly = MintedTokens.token().claims(Map.of("isotox_role", "coordinator", "scope", "user/*.rs")).sign();

        withToken(readOnly).body("{\"resourceType\":\"Patient\"}").post("/Patient").then().statusCode(403);
    }

    @Test
    void aReadScopeWithoutSearchDoesNotSearch() {
        String patient = create(SiteFixtures.patientOf(SiteFixtures.organization("ihr-hmu2")));
        String readOnly = MintedTokens.token().claims(Map.of("isotox_role", "coordinator", "scope", "user/Patient.r")).sign();

        withToken(readOnly).get("/Patient/" + patient).then().statusCode(200);
        withToken(readOnly).get("/Patient?_id=" + patient).then().statusCode(403);
    }

    @Test
    void aV1ScopeIsUnderstood() {
        String v1 = MintedTokens.token().claims(Map.of("isotox_role", "monitor", "scope", "user/*.read")).sign();

        withToken(v1).get("/Patient?_count=1").then().statusCode(200);
    }

    @Test
    void patientScopesReachOnlyTheLaunchPatient() {
        String site = SiteFixtures.organization("ihr-hmu2");
        String launched = create(SiteFixtures.patientOf(site));
        String other = create(SiteFixtures.patientOf(site));
        String token = MintedTokens.token().claims(Map.of(
                "isotox_role", "investigator", "isotox_site", "ihr-hmu2", "scope", "patient/*.rs", "patient", launched)).sign();

        withToken(token).get("/Patient/" + launched).then().statusCode(200);
        withToken(token).get("/Patient/" + other).then().statusCode(403);
    }

    @Test
    void smartDiscoveryNamesTheIssuerAndItsEndpoints() {
        JsonPath smart = given().get("/.well-known/smart-configuration").then().statusCode(200).extract().jsonPath();

        assertThat(smart.getString("issuer")).isEqualTo(MintedTokens.ISSUER);
        assertThat(smart.getString("token_endpoint")).isEqualTo(MintedTokens.ISSUER + "/oauth2/token");
        assertThat(smart.getString("authorization_endpoint")).isEqualTo(MintedTokens.ISSUER + "/oauth2/authorize");
        assertThat(smart.getList("code_challenge_methods_supported")).containsExactly("S256");
        assertThat(smart.getList("capabilities", String.class)).contains("launch-standalone", "client-public", "permission-v2");
    }

    @Test
    void capabilityStatementIsPublicAndAnnouncesSmart() {
        CapabilityStatement capabilities = Fhir.parse(
                given().accept(JSON).get("/metadata").then().statusCode(200).extract().response(), CapabilityStatement.class);

        var security = capabilities.getRestFirstRep().getSecurity();
        assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
        Extension uris = security.getExtensionByUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
        assertThat(uris.getExtensionByUrl("token").getValue().primitiveValue()).isEqualTo(MintedTokens.ISSUER + "/oauth2/token");
        assertThat(List.of(uris.getExtensionByUrl("authorize").getValue().primitiveValue()))
                .containsExactly(MintedTokens.ISSUER + "/oauth2/authorize");
    }

    @Test
    void browserAppsAreLetInFromConfiguredOriginsOnly() {
        Response allowed = given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET").options("/Patient");
        Response stranger = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").options("/Patient");

        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
    }

    private static io.restassured.specification.RequestSpecification withToken(String token) {
        return given().auth().oauth2(token).contentType(JSON).accept(JSON);
    }
}
