package org.isotox.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the server's embedded issuer (client credentials grant), for the demo clients
 * of {@code application.yaml}; kept until shortly before they expire.
 */
public final class Tokens {

    public static final String COORDINATOR = "coordinator";
    public static final String MONITOR = "monitor";
    public static final String INVESTIGATOR_HMU2 = "investigator-hmu2";
    public static final String INVESTIGATOR_NCPB = "investigator-ncpb";
    public static final String EHR_HMU2 = "ehr-hmu2";
    public static final String EHR_NCPB = "ehr-ncpb";

    private static final Map<String, String> SECRETS = Map.of(
            COORDINATOR, "demo-coordinator",
            MONITOR, "demo-monitor",
            INVESTIGATOR_HMU2, "demo-hmu2",
            INVESTIGATOR_NCPB, "demo-ncpb",
            EHR_HMU2, "demo-ehr-hmu2",
            EHR_NCPB, "demo-ehr-ncpb");

    private record Held(String token, Instant renewAfter) {}

    private static final Map<String, Held> HELD = new ConcurrentHashMap<>();

    private Tokens() {}

    /** A token of the demo client {@code clientId} from the server on {@code port}. */
    public static String of(int port, String clientId) {
        String key = port + "|" + clientId;
        Held held = HELD.get(key);
        if (held == null || Instant.now().isAfter(held.renewAfter())) {
            held = fetch(port, clientId);
            HELD.put(key, held);
        }
        return held.token();
    }

    private static Held fetch(int port, String clientId) {
        JsonPath response = given().port(port).basePath("")
                .auth().preemptive().basic(clientId, SECRETS.get(clientId))
                .formParam("grant_type", "client_credentials")
                .post("/oauth2/token")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long lifetime = response.getLong("expires_in");
        return new Held(response.getString("access_token"), Instant.now().plusSeconds(lifetime / 2));
    }
}
