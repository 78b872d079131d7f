package org.isotox.registry.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's overall recruitment status and the FHIR R4 ResearchStudy status it corresponds to.
 * Two registry statuses have no status of their own in FHIR: enrolling by invitation is an active
 * study (recruiting, first in the list, is what {@code active} exports as unless the registration
 * said by invitation), and UNKNOWN is what the registry assigns when a sponsor has not verified the
 * status for two years: the study's FHIR status is then its last known one.
 */
public enum OverallStatus {
    NOT_YET_RECRUITING("approved"),
    RECRUITING("active"),
    ENROLLING_BY_INVITATION("active"),
    ACTIVE_NOT_RECRUITING("closed-to-accrual"),
    SUSPENDED("temporarily-closed-to-accrual"),
    TERMINATED("administratively-completed"),
    COMPLETED("completed"),
    WITHDRAWN("withdrawn"),
    UNKNOWN(null);

    private final String fhirCode;

    OverallStatus(String fhirCode) {
        this.fhirCode = fhirCode;
    }

    /** The ResearchStudy.status code; empty for UNKNOWN, which says nothing about the study itself. */
    public Optional<String> fhirCode() {
        return Optional.ofNullable(fhirCode);
    }

    /**
     * The registry status a ResearchStudy.status code is exported as: {@code registered} (the registration's own)
     * while it still means that code, else the first status that does; empty for the FHIR statuses the registry has
     * none for (in-review, ...).
     */
    public static Optional<OverallStatus> ofFhir(String code, Optional<OverallStatus> registered) {
        if (registered.isPresent() && Objects.equals(registered.get().fhirCode, code)) {
            return registered;
        }
        return Arrays.stream(values()).filter(s -> Objects.equals(s.fhirCode, code)).findFirst();
    }

    /** The registry status of a name the API v2 uses; empty for any other. */
    public static Optional<OverallStatus> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
