package org.isotox.security.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * SMART App Launch: an app names in {@code aud} the FHIR server it wants a token for; the embedded
 * issuer signs tokens for this server only, so an authorization request naming another one is refused
 * (400) before anyone signs in: the token would otherwise be handed to an app that means to use it
 * elsewhere. This server's FHIR base is the configured audience, or {@code /fhir} at the address the
 * request came to (the issuer and the FHIR API are one server).
 */
final class AuthorizeAudienceCheck extends OncePerRequestFilter {

    static final String AUTHORIZE_PATH = "/oauth2/authorize";

    private final String audience;

    AuthorizeAudienceCheck(String audience) {
        this.audience = withoutTrailingSlash(audience);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !AUTHORIZE_PATH.equals(request.getRequestURI()) || request.getParameter("aud") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String aud = withoutTrailingSlash(request.getParameter("aud"));
        String ownBase = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .replacePath("/fhir").replaceQuery(null).build().toUriString();
        if (aud.equals(audience) || aud.equals(ownBase)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"error\":\"invalid_request\",\"error_description\":\"aud names another server than this one ("
                + audience + "): this issuer signs tokens for its own FHIR API only\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
