package org.isotox.response.domain;

/**
 * The event a study takes as a subject's study entry, from which RECIST 1.1 counts the minimum
 * duration of stable disease (Eisenhauer et al. 2009, section 4.6.3: from the start of treatment,
 * in randomised trials from randomisation).
 */
public enum StudyEntryEvent {
    /** The subject's enrolment. */
    ENROLMENT,
    /** The first radiotherapy fraction the subject received. */
    FIRST_FRACTION
}
