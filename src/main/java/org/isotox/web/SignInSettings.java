package org.isotox.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.isotox.security.fhir.SecurityProperties;

/**
 * What a page the server serves needs to sign in as a public SMART client ({@code config.json}):
 * the FHIR base, the issuer's endpoints, its client and scopes, the study it opens on.
 */
final class SignInSettings {

    private SignInSettings() {}

    static Map<String, Object> of(SecurityProperties security, String clientId, String scope, String study) {
        Map<String, Object> config = endpoints(security);
        config.put("clientId", clientId);
        config.put("scope", scope);
        config.put("study", study);
        return config;
    }

    /** Where a page of this server finds the FHIR API and signs in. */
    static Map<String, Object> endpoints(SecurityProperties security) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("fhirBase", "/fhir");
        config.put("securityEnabled", security.enabled());
        // the embedded issuer answers on this server, at whatever address the browser uses
        config.put("authorizationEndpoint", security.embedded() ? "/oauth2/authorize" : security.authorizeUrl());
        config.put("tokenEndpoint", security.embedded() ? "/oauth2/token" : security.tokenUrl());
        return config;
    }
}
