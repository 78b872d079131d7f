package org.isotox.security.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /fhir/.well-known/smart-configuration}: the SMART App Launch 2 discovery document, so
 * that apps find the issuer, its endpoints and what this server supports. A servlet of its own: the
 * path lies under the FHIR servlet's, and an exact mapping wins over it.
 */
final class SmartConfigurationServlet extends HttpServlet {

    static final String PATH = "/fhir/.well-known/smart-configuration";

    private final transient byte[] document;

    SmartConfigurationServlet(SecurityProperties properties, ObjectMapper json) throws IOException {
        Map<String, Object> smart = new LinkedHashMap<>();
        smart.put("issuer", properties.trustedIssuer());
        smart.put("authorization_endpoint", properties.authorizeUrl());
        smart.put("token_endpoint", properties.tokenUrl());
        if (properties.embedded()) {
            smart.put("jwks_uri", properties.trustedIssuer() + "/oauth2/jwks");
            smart.put("introspection_endpoint", properties.trustedIssuer() + "/oauth2/introspect");
            smart.put("revocation_endpoint", properties.trustedIssuer() + "/oauth2/revoke");
        }
        smart.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
        smart.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        smart.put("response_types_supported", List.of("code"));
        smart.put("code_challenge_methods_supported", List.of("S256"));
        List<String> scopes = new java.util.ArrayList<>(List.of("openid", "fhirUser", "patient/*.rs", "user/*.rs", "user/*.cruds",
                "system/*.rs", "system/*.cruds", "user/*.read", "user/*.write", "patient/*.read"));
        List<String> capabilities = new java.util.ArrayList<>(List.of("launch-standalone", "client-public",
                "client-confidential-symmetric", "sso-openid-connect", "permission-v1", "permission-v2", "permission-patient",
                "permission-user"));
        if (properties.embedded()) {
            // the embedded issuer's patient picker and launch context (an external issuer announces its own)
            scopes.add(LaunchPatients.LAUNCH_PATIENT_SCOPE);
            capabilities.add("context-standalone-patient");
        }
        smart.put("scopes_supported", scopes);
        smart.put("capabilities", capabilities);
        this.document = json.writeValueAsBytes(smart);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.getOutputStream().write(document);
    }
}
