package org.isotox.security.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.security.fhir.SecurityProperties.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The embedded issuer's patient picker of a standalone {@code launch/patient} (SMART App Launch 2): the
 * signed-in practitioner sees the patients his site may see and picks one; the token the app then gets
 * names that patient ({@code patient}), and its {@code patient/} scopes reach that patient only. A patient
 * another site owns cannot be picked (403).
 */
@org.springframework.stereotype.Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
        "${isotox.security.enabled:true} and '${isotox.security.issuer-uri:}'.isEmpty()")
class PatientPickerController {

    private final SecurityProperties properties;
    private final LaunchPatients patients;

    PatientPickerController(SecurityProperties properties, LaunchPatients patients) {
        this.properties = properties;
        this.patients = patients;
    }

    @GetMapping(value = PatientPickerRedirect.PICKER_PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request, Principal principal) {
        Optional<User> user = user(principal);
        if (user.isEmpty() || request.getQueryString() == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("<p>Sign in through an app's authorization request first.</p>");
        }
        return ResponseEntity.ok(html(user.get(), patients.pickableBy(user.get()), request.getQueryString(),
                (CsrfToken) request.getAttribute(CsrfToken.class.getName())));
    }

    @PostMapping(PatientPickerRedirect.PICKER_PATH)
    ResponseEntity<String> pick(HttpServletRequest request, Principal principal,
            @RequestParam("patient") String patientId, @RequestParam("authorize") String authorize) {
        Optional<User> user = user(principal);
        if (user.isEmpty() || !patients.mayPick(user.get(), patientId)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("<p>This patient is not one you may open.</p>");
        }
        UriComponents query = UriComponentsBuilder.fromUriString("/?" + authorize).build();
        LaunchPatients.remember(request.getSession(), query.getQueryParams().getFirst("client_id"),
                query.getQueryParams().getFirst("state"), patientId);
        return ResponseEntity.status(HttpStatus.FOUND)
                .header("Location", request.getContextPath() + AuthorizeAudienceCheck.AUTHORIZE_PATH + "?" + authorize).build();
    }

    private Optional<User> user(Principal principal) {
        return Optional.ofNullable(principal).flatMap(p -> properties.embeddedIssuer().user(p.getName()));
    }

    private static String html(User user, List<Patient> pickable, String authorize, CsrfToken csrf) {
        StringBuilder page = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>Choose a patient</title>
                <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem}
                button{display:block;width:100%;text-align:left;padding:.75rem;margin:.25rem 0;font-size:1rem}</style>
                </head><body><h1>Choose the patient to open</h1>
                """);
        page.append("<p>Signed in as ").append(HtmlUtils.htmlEscape(user.username())).append(". ");
        page.append(pickable.isEmpty() ? "Your site has no patients yet.</p>" : "The app will see this patient's records only.</p>");
        page.append("<form method=\"post\" action=\"").append(PatientPickerRedirect.PICKER_PATH).append("\">");
        page.append(hidden("authorize", authorize));
        if (csrf != null) {
            page.append(hidden(csrf.getParameterName(), csrf.getToken()));
        }
        for (Patient patient : pickable) {
            String id = patient.getIdElement().getIdPart();
            page.append("<button type=\"submit\" name=\"patient\" value=\"").append(HtmlUtils.htmlEscape(id)).append("\">")
                    .append(HtmlUtils.htmlEscape(label(patient))).append("</button>");
        }
        return page.append("</form></body></html>").toString();
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(name) + "\" value=\"" + HtmlUtils.htmlEscape(value) + "\">";
    }

    private static String label(Patient patient) {
        String name = patient.getName().isEmpty() ? "(no name)" : patient.getNameFirstRep().getNameAsSingleString();
        String born = patient.hasBirthDate() ? ", born " + patient.getBirthDateElement().getValueAsString() : "";
        return name + born + " (Patient/" + patient.getIdElement().getIdPart() + ")";
    }
}
