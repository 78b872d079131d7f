package org.isotox.security.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's part of a SMART standalone launch against the embedded issuer, for the public app
 * {@code isotox-smart-app}: authorization request with a PKCE challenge, sign-in of a demo user, the
 * patient picker when the issuer shows it, back to the app with a code; and the app's code exchange.
 */
final class SmartLaunches {

    static final String APP = "isotox-smart-app";
    static final String REDIRECT = "http://localhost:3000/callback";
    static final String VERIFIER = "k3Pw8Xq5uV0nR2sT7yZ1aB4cD6eF9gH0iJ2kL5mN8oP";

    private SmartLaunches() {}

    /** Where the issuer sends the browser once {@code username} has signed in for this scope: the app or the picker. */
    static SignedIn signIn(String username, String scope, String state) throws NoSuchAlgorithmException {
        Response authorize = browser(Map.of()).queryParams(Map.of(
                        "response_type", "code", "client_id", APP, "redirect_uri", REDIRECT,
                        "scope", scope, "state", state,
                        "code_challenge", challenge(VERIFIER), "code_challenge_method", "S256"))
                .get("/oauth2/authorize");
        assertThat(authorize.statusCode()).isEqualTo(302);
        Map<String, String> session = authorize.getCookies();

        Response loginPage = browser(session).get("/login");
        Response signedIn = browser(session).cookies(loginPage.getCookies())
                .formParams(Map.of("username", username, "password", "demo", "_csrf", hidden(loginPage.asString(), "_csrf")))
                .post("/login");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        Map<String, String> cookies = signedIn.getCookies().isEmpty() ? session : signedIn.getCookies();

        URI savedRequest = URI.create(signedIn.header("Location"));
        Response next = browser(cookies).urlEncodingEnabled(false).get(savedRequest.getRawPath() + "?" + savedRequest.getRawQuery());
        assertThat(next.statusCode()).isEqualTo(302);
        return new SignedIn(cookies, URI.create(next.header("Location")));
    }

    /** The code the app receives, once the issuer has sent the browser back to it. */
    static String code(URI callback, String state) {
        assertThat(callback.toString()).startsWith(REDIRECT).contains("state=" + state);
        return query(callback, "code");
    }

    static Response exchange(String code, String verifier) {
        return given().port(RestAssured.port).basePath("")
                .formParams(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                        "client_id", APP, "code_verifier", verifier))
                .post("/oauth2/token");
    }

    static RequestSpecification browser(Map<String, String> cookies) {
        return given().port(RestAssured.port).basePath("").redirects().follow(false).accept("text/html").cookies(cookies);
    }

    static String challenge(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("form has " + name).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " missing from " + uri);
    }

    /** The JSON claims of a JWT's payload (not verified: the tests read what the issuer wrote). */
    static Map<String, Object> claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return new HashMap<>(io.restassured.path.json.JsonPath.from(payload).getMap(""));
    }

    /** A signed-in browser session and where the issuer sent it next. */
    record SignedIn(Map<String, String> cookies, URI next) {}
}
