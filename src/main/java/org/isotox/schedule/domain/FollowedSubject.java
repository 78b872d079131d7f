package org.isotox.schedule.domain;

/**
 * A subject as the follow-up doctor sees it: its ResearchSubject and Patient references, its site
 * (an Organization reference) and its enrolment sequence number.
 */
public record FollowedSubject(String reference, String patient, String site, int sequence) {}
