package org.isotox.cohort.fhir;

import java.util.List;

/**
 * Where a generated cohort goes: the study its subjects enrol in, the Organizations of its sites
 * (a subject's site index picks one), and the prefix of every logical id written, so that a
 * cohort's records are found, and not written twice, by id.
 */
public record CohortTarget(String idPrefix, String studyReference, List<String> siteOrganizations) {

    public CohortTarget {
        if (!idPrefix.matches("[A-Za-z][A-Za-z0-9\\-.]{0,30}")) {
            throw new IllegalArgumentException("an id prefix is a letter and up to 30 letters, digits, '-' or '.', not " + idPrefix);
        }
        siteOrganizations = List.copyOf(siteOrganizations);
        if (siteOrganizations.isEmpty()) {
            throw new IllegalArgumentException("a cohort needs at least one site");
        }
    }

    String subjectId(int number) {
        return subjectId(idPrefix, number);
    }

    /** The logical id of subject {@code number} (its Patient, ResearchSubject and the stem of its records' ids). */
    public static String subjectId(String idPrefix, int number) {
        return idPrefix + "-" + String.format("%04d", number);
    }
}
