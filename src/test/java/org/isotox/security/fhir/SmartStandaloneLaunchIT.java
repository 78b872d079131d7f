package org.isotox.security.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.JSON;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;

/**
 * A SMART app's standalone launch against the embedded issuer, as a browser would do it:
 * authorization request with PKCE, sign-in of a demo user, code for token, token for data.
 */
@FhirServerTest
class SmartStandaloneLaunchIT {

    private static final String APP = "isotox-smart-app";
    private static final String REDIRECT = "http://localhost:3000/callback";
    private static final String VERIFIER = "k3Pw8Xq5uV0nR2sT7yZ1aB4cD6eF9gH0iJ2kL5mN8oP";

    @Test
    void aPublicAppGetsAUserTokenWithPkceAndReadsWithIt() throws Exception {
        String code = signInAndAuthorize("dr-hmu2");

        JsonPath token = exchange(code, VERIFIER).then().statusCode(200).extract().jsonPath();

        assertThat(token.getString("scope")).contains("user/*.rs");
        given().auth().oauth2(token.getString("access_token")).accept(JSON).get("/Patient?_count=1").then().statusCode(200);
    }

    @Test
    void aCodeIsNotExchangedWithoutItsVerifier() throws Exception {
        String code = signInAndAuthorize("dr-ncpb");

        Response refused = exchange(code, "a-verifier-that-does-not-match-the-challenge-0123456789");

        assertThat(refused.statusCode()).isIn(400, 401);
        assertThat(refused.asString()).doesNotContain("access_token");
    }

    @Test
    void anAuthorizationRequestForAnotherFhirServerIsRefusedBeforeSignIn() throws Exception {
        Map<String, String> request = Map.of(
                "response_type", "code", "client_id", APP, "redirect_uri", REDIRECT, "scope", "openid user/*.rs", "state", "s",
                "code_challenge", challenge(VERIFIER), "code_challenge_method", "S256");
        Map<String, String> foreign = new java.util.HashMap<>(request);
        foreign.put("aud", "https://elsewhere.example/fhir");
        Map<String, String> own = new java.util.HashMap<>(request);
        own.put("aud", "http://isotox.test/fhir");

        Response refused = browser(Map.of()).queryParams(foreign).get("/oauth2/authorize");
        Response accepted = browser(Map.of()).queryParams(own).get("/oauth2/authorize");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("invalid_request").doesNotContain("code=");
        assertThat(accepted.statusCode()).isEqualTo(302);
    }

    /** The browser's part: authorization request with a PKCE challenge, sign-in, back to the app with a code. */
    private static String signInAndAuthorize(String username) throws Exception {
        Response authorize = browser(Map.of()).queryParams(Map.of(
                        "response_type", "code", "client_id", APP, "redirect_uri", REDIRECT,
                        "scope", "openid user/*.rs", "state", "launch-1",
                        "code_challenge", challenge(VERIFIER), "code_challenge_method", "S256"))
                .get("/oauth2/authorize");
        assertThat(authorize.statusCode()).isEqualTo(302);
        Map<String, String> session = authorize.getCookies();

        Response loginPage = browser(session).get("/login");
        String csrf = hidden(loginPage.asString(), "_csrf");
        Response signedIn = browser(session).cookies(loginPage.getCookies())
                .formParams(Map.of("username", username, "password", "demo", "_csrf", csrf))
                .post("/login");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        Map<String, String> signedInSession = signedIn.getCookies().isEmpty() ? session : signedIn.getCookies();

        URI savedRequest = URI.create(signedIn.header("Location"));
        Response backToApp = browser(signedInSession).urlEncodingEnabled(false)
                .get(savedRequest.getRawPath() + "?" + savedRequest.getRawQuery());
        assertThat(backToApp.statusCode()).isEqualTo(302);
        URI callback = URI.create(backToApp.header("Location"));
        assertThat(callback.toString()).startsWith(REDIRECT).contains("state=launch-1");
        return query(callback, "code");
    }

    private static Response exchange(String code, String verifier) {
        return given().port(RestAssured.port).basePath("")
                .formParams(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                        "client_id", APP, "code_verifier", verifier))
                .post("/oauth2/token");
    }

    private static io.restassured.specification.RequestSpecification browser(Map<String, String> cookies) {
        return given().port(RestAssured.port).basePath("").redirects().follow(false).accept("text/html").cookies(cookies);
    }

    private static String challenge(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("login form has " + name).isTrue();
        return m.group(1);
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " missing from " + uri);
    }
}
