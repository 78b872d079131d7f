package org.isotox.security.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.JSON;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;

/**
 * A SMART app's standalone launch against the embedded issuer, as a browser would do it:
 * authorization request with PKCE, sign-in of a demo user, code for token, token for data.
 */
@FhirServerTest
class SmartStandaloneLaunchIT {

    private static final String APP = SmartLaunches.APP;
    private static final String REDIRECT = SmartLaunches.REDIRECT;
    private static final String VERIFIER = SmartLaunches.VERIFIER;

    @Test
    void aPublicAppGetsAUserTokenWithPkceAndReadsWithIt() throws Exception {
        String code = signInAndAuthorize("dr-hmu2");

        JsonPath token = SmartLaunches.exchange(code, VERIFIER).then().statusCode(200).extract().jsonPath();

        assertThat(token.getString("scope")).contains("user/*.rs");
        given().auth().oauth2(token.getString("access_token")).accept(JSON).get("/Patient?_count=1").then().statusCode(200);
    }

    @Test
    void aCodeIsNotExchangedWithoutItsVerifier() throws Exception {
        String code = signInAndAuthorize("dr-ncpb");

        Response refused = SmartLaunches.exchange(code, "a-verifier-that-does-not-match-the-challenge-0123456789");

        assertThat(refused.statusCode()).isIn(400, 401);
        assertThat(refused.asString()).doesNotContain("access_token");
    }

    @Test
    void anAuthorizationRequestForAnotherFhirServerIsRefusedBeforeSignIn() throws Exception {
        Map<String, String> request = Map.of(
                "response_type", "code", "client_id", APP, "redirect_uri", REDIRECT, "scope", "openid user/*.rs", "state", "s",
                "code_challenge", SmartLaunches.challenge(VERIFIER), "code_challenge_method", "S256");
        Map<String, String> foreign = new java.util.HashMap<>(request);
        foreign.put("aud", "https://elsewhere.example/fhir");
        Map<String, String> own = new java.util.HashMap<>(request);
        own.put("aud", "http://isotox.test/fhir");

        Response refused = SmartLaunches.browser(Map.of()).queryParams(foreign).get("/oauth2/authorize");
        Response accepted = SmartLaunches.browser(Map.of()).queryParams(own).get("/oauth2/authorize");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("invalid_request").doesNotContain("code=");
        assertThat(accepted.statusCode()).isEqualTo(302);
    }

    private static String signInAndAuthorize(String username) throws Exception {
        return SmartLaunches.code(SmartLaunches.signIn(username, "openid user/*.rs", "launch-1").next(), "launch-1");
    }
}
