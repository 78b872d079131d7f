package org.isotox.security.domain;

import java.util.Optional;
import java.util.Set;

/**
 * What the ownership rules need to know of one resource being written.
 *
 * @param resourceType its type
 * @param stored       the owner of the version it replaces or deletes (empty for a new resource, or one written
 *                     before owners were labelled)
 * @param labelled     the owner its own label names (as sent, or as the server stamped it)
 * @param referenced   the owners of the resources it refers to; one it refers to that does not exist counts as
 *                     {@link Owner#TRIAL_WIDE}
 * @param namedSite    the site its content names for a patient: a Patient's managing organisation or a
 *                     ResearchSubject's site, when that is a trial site
 * @param definition   a trial definition (study, protocol, questionnaire, terminology, …)
 */
public record Write(
        String resourceType,
        Optional<Owner> stored,
        Optional<Owner> labelled,
        Set<Owner> referenced,
        Optional<String> namedSite,
        boolean definition) {

    public Write {
        referenced = Set.copyOf(referenced);
    }

    boolean isPatient() {
        return "Patient".equals(resourceType);
    }
}
