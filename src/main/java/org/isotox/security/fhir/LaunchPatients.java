package org.isotox.security.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.security.domain.Owner;
import org.isotox.security.fhir.SecurityProperties.User;

/**
 * The patient of a SMART standalone launch with {@code launch/patient}: a patient user's own; for
 * anyone else, the one he picks among those his site may see (every patient for a trial-wide role), kept in
 * his sign-in session for that authorization request (client and {@code state}) until the code is issued.
 */
final class LaunchPatients {

    static final String LAUNCH_PATIENT_SCOPE = "launch/patient";
    /** The attribute of the issuer's authorization that holds the picked patient's id. */
    static final String AUTHORIZATION_ATTRIBUTE = "isotox.launch-patient";
    private static final String SESSION_PREFIX = LaunchPatients.class.getName() + ":";
    private static final int MOST = 500;

    private final DaoRegistry daoRegistry;

    LaunchPatients(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /** The patients this user may pick, by family name; a patient user picks no one (his launch is his own). */
    List<Patient> pickableBy(User user) {
        if (user.isPatient()) {
            return List.of();
        }
        SearchParameterMap search = SearchParameterMap.newSynchronous().setCount(MOST).setSort(new SortSpec(Patient.SP_FAMILY));
        if (!user.site().isBlank()) {
            search.add("_security", OwnershipLabels.anyOf(Set.of(Owner.site(user.site()))));
        }
        return daoRegistry.getResourceDao(Patient.class).search(search, new SystemRequestDetails()).getAllResources().stream()
                .map(Patient.class::cast)
                .toList();
    }

    boolean mayPick(User user, String patientId) {
        return pickableBy(user).stream().anyMatch(p -> p.getIdElement().getIdPart().equals(patientId));
    }

    static void remember(HttpSession session, String clientId, String state, String patientId) {
        session.setAttribute(SESSION_PREFIX + clientId + "|" + state, patientId);
    }

    static Optional<String> picked(HttpSession session, String clientId, String state) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((String) session.getAttribute(SESSION_PREFIX + clientId + "|" + state));
    }

    static boolean asksForLaunchPatient(String scope) {
        return scope != null && List.of(scope.trim().split("\\s+")).contains(LAUNCH_PATIENT_SCOPE);
    }
}
