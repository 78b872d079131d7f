package org.isotox.security.domain;

import java.util.Arrays;
import java.util.Optional;

/** The trial roles a token can carry (claim {@code isotox_role}), and what each may reach. */
public enum Role {
    /** A site's investigator: reads and writes the subjects of his site. */
    INVESTIGATOR("investigator", true, true),
    /** The trial coordinator: every site, reads and writes, the audit trail, bulk export and the registry. */
    COORDINATOR("coordinator", false, true),
    /** A monitor: every site, read only. */
    MONITOR("monitor", false, false),
    /** A site's EHR, a backend client: pushes (and reads back) its site's records. */
    EHR("ehr", true, true),
    /**
     * A patient of a site, signed in to answer his questionnaires: his own compartment only, whatever
     * {@code user/} or {@code system/} scope a token names.
     */
    PATIENT("patient", true, true);

    private final String code;
    private final boolean siteBound;
    private final boolean writes;

    Role(String code, boolean siteBound, boolean writes) {
        this.code = code;
        this.siteBound = siteBound;
        this.writes = writes;
    }

    public static Optional<Role> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }

    /** Limited to the patients of one site. */
    public boolean siteBound() {
        return siteBound;
    }

    public boolean writes() {
        return writes;
    }

    /** Reaches only the launch patient's compartment: {@code patient/} scopes grant, no others. */
    public boolean patientOnly() {
        return this == PATIENT;
    }

    /** Reads the audit trail, runs bulk export and the registry sync: the trial-wide duties. */
    public boolean administers() {
        return this == COORDINATOR;
    }
}
