package org.isotox.security.fhir;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of access control ({@code isotox.security.*}).
 *
 * @param enabled        false only for local experiments: every request is let in (a warning says so at start-up)
 * @param audience       the {@code aud} every token must carry: this server's FHIR base URL
 * @param issuerUri      an external OpenID Connect issuer (Keycloak, …) whose tokens are accepted; empty: the
 *                       embedded issuer
 * @param authorizationEndpoint the external issuer's authorization endpoint, announced to SMART apps
 * @param tokenEndpoint  the external issuer's token endpoint, announced to SMART apps
 * @param corsAllowedOrigins the origins of browser apps allowed to call the FHIR API
 * @param embeddedIssuer the embedded authorization server, used when {@code issuerUri} is empty
 */
@ConfigurationProperties("isotox.security")
public record SecurityProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("http://localhost:8080/fhir") String audience,
        @DefaultValue("") String issuerUri,
        @DefaultValue("") String authorizationEndpoint,
        @DefaultValue("") String tokenEndpoint,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue EmbeddedIssuer embeddedIssuer) {

    public boolean embedded() {
        return issuerUri.isBlank();
    }

    /** Where SMART apps send the user to sign in. */
    public String authorizeUrl() {
        return embedded() ? embeddedIssuer.issuer() + "/oauth2/authorize" : authorizationEndpoint;
    }

    /** Where apps get their tokens. */
    public String tokenUrl() {
        return embedded() ? embeddedIssuer.issuer() + "/oauth2/token" : tokenEndpoint;
    }

    /** The issuer whose tokens are accepted. */
    public String trustedIssuer() {
        return embedded() ? embeddedIssuer.issuer() : issuerUri;
    }

    /**
     * @param issuer        the {@code iss} of its tokens (its public base URL)
     * @param keyFile       where its signing key is kept, so that tokens survive a restart
     * @param tokenLifetime how long an access token is valid
     * @param clients       backend clients (client credentials grant)
     * @param apps          browser and mobile apps (SMART authorization code with PKCE, public clients)
     * @param users         people who sign in to apps
     * @param demo          the demo clients and users, with published secrets: for a first look only
     */
    public record EmbeddedIssuer(
            @DefaultValue("http://localhost:8080") String issuer,
            @DefaultValue("./data/issuer-key.json") String keyFile,
            @DefaultValue("1h") Duration tokenLifetime,
            @DefaultValue List<Client> clients,
            @DefaultValue List<App> apps,
            @DefaultValue List<User> users,
            @DefaultValue DemoAccounts demo) {

        /** The clients the issuer serves: the configured ones, and the demo ones when they are switched on. */
        public List<Client> activeClients() {
            return demo.enabled() ? concat(clients, demo.clients()) : clients;
        }

        /** The people who may sign in: the configured ones, and the demo ones when they are switched on. */
        public List<User> activeUsers() {
            return demo.enabled() ? concat(users, demo.users()) : users;
        }

        /** The person with this user name, if he may sign in. */
        public java.util.Optional<User> user(String username) {
            return activeUsers().stream().filter(u -> u.username().equals(username)).findFirst();
        }

        private static <T> List<T> concat(List<T> first, List<T> second) {
            return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
        }
    }

    /**
     * Demo clients and users with published secrets: on for the zero-setup default, off under the
     * {@code postgres} profile and in the Docker image unless {@code ISOTOX_DEMO_ACCOUNTS=true}.
     */
    public record DemoAccounts(@DefaultValue("false") boolean enabled, @DefaultValue List<Client> clients, @DefaultValue List<User> users) {}

    /** A confidential backend client and the trial role and site its tokens carry. */
    public record Client(String id, String secret, String role, @DefaultValue("") String site, List<String> scopes) {}

    /**
     * A public SMART app: authorization code with PKCE only. A redirect URI written as a path
     * ({@code /dashboard/}) is one on this server, at the address the browser uses.
     */
    public record App(String id, List<String> redirectUris, List<String> scopes) {}

    /**
     * A person who signs in to an app, with the trial role and site the tokens issued for him carry.
     *
     * @param fhirUser his Practitioner or Patient ({@code Practitioner/{id}}); a user with role {@code patient}
     *                 is the Patient it names, and a patient launch is his own
     */
    public record User(String username, String password, String role, @DefaultValue("") String site,
            @DefaultValue("") String fhirUser) {

        static final String PATIENT_ROLE = "patient";

        /** The patient this user is, for a user with role {@code patient} whose {@code fhirUser} is a Patient. */
        public java.util.Optional<String> ownPatientId() {
            return PATIENT_ROLE.equals(role) && fhirUser.startsWith("Patient/")
                    ? java.util.Optional.of(fhirUser.substring("Patient/".length()))
                    : java.util.Optional.empty();
        }

        public boolean isPatient() {
            return PATIENT_ROLE.equals(role);
        }
    }
}
