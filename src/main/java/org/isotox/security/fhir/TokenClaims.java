package org.isotox.security.fhir;

/** Names of the claims this server reads from (and the embedded issuer writes into) access tokens. */
final class TokenClaims {

    static final String ROLE = "isotox_role";
    /** The site's code: its identifier value under {@link SiteDirectory#SITE_IDENTIFIER_SYSTEM}. */
    static final String SITE = "isotox_site";
    /** SMART launch context: the patient's logical id. */
    static final String PATIENT = "patient";
    static final String FHIR_USER = "fhirUser";
    static final String SCOPE = "scope";
    static final String CLIENT_ID = "client_id";

    private TokenClaims() {}
}
