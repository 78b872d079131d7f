package org.isotox.schedule.domain;

/**
 * An activity that is still to be done (a requested Task): whose it is, what it is and its window.
 * {@code task} names it (a FHIR reference).
 */
public record OpenActivity(FollowedSubject subject, String task, String code, String description, DueWindow window) {}
