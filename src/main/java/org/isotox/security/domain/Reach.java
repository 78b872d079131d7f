package org.isotox.security.domain;

/** Whose patient data a grant reaches. */
public enum Reach {
    /** Only the compartment of the patient the app was launched for. */
    LAUNCH_PATIENT,
    /** Only the patients of the token's site. */
    SITE,
    /** Every patient. */
    ALL
}
