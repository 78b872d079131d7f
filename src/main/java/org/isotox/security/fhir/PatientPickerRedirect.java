package org.isotox.security.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.isotox.security.fhir.SecurityProperties.User;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SMART standalone launch with {@code launch/patient} by someone who is not a patient: before the issuer
 * hands out a code, he is sent to the patient picker ({@link PatientPickerController}), which brings him
 * back here once he has chosen. A request without sign-in goes on to the sign-in first.
 */
final class PatientPickerRedirect extends OncePerRequestFilter {

    static final String PICKER_PATH = "/launch/patient";

    private final SecurityProperties properties;

    PatientPickerRedirect(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !AuthorizeAudienceCheck.AUTHORIZE_PATH.equals(request.getRequestURI())
                || !LaunchPatients.asksForLaunchPatient(request.getParameter("scope"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<User> user = signedIn().flatMap(name -> properties.embeddedIssuer().user(name));
        boolean mustPick = user.filter(u -> !u.isPatient()).isPresent()
                && LaunchPatients.picked(request.getSession(false), request.getParameter("client_id"), request.getParameter("state")).isEmpty();
        if (mustPick) {
            response.sendRedirect(request.getContextPath() + PICKER_PATH + "?" + request.getQueryString());
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()
                ? Optional.empty()
                : Optional.of(authentication.getName());
    }
}
