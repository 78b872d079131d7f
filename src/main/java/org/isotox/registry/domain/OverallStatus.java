package org.isotox.registry.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The registry's overall recruitment status and the FHIR R4 ResearchStudy status it corresponds to,
 * one to one, so that a status survives a round trip in either direction.
 */
public enum OverallStatus {
    NOT_YET_RECRUITING("approved"),
    RECRUITING("active"),
    ACTIVE_NOT_RECRUITING("closed-to-accrual"),
    SUSPENDED("temporarily-closed-to-accrual"),
    TERMINATED("administratively-completed"),
    COMPLETED("completed"),
    WITHDRAWN("withdrawn");

    private final String fhirCode;

    OverallStatus(String fhirCode) {
        this.fhirCode = fhirCode;
    }

    /** The ResearchStudy.status code. */
    public String fhirCode() {
        return fhirCode;
    }

    /** The registry status of a ResearchStudy.status code; empty for the FHIR statuses the registry has none for (in-review, ...). */
    public static Optional<OverallStatus> ofFhir(String code) {
        return Arrays.stream(values()).filter(s -> s.fhirCode.equals(code)).findFirst();
    }
}
