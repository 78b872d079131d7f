package org.isotox.security.domain;

/** Whose data a SMART scope reaches: the launch patient's, what the user may see, or a backend system's. */
public enum ScopeContext {
    PATIENT,
    USER,
    SYSTEM
}
