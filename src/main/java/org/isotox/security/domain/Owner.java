package org.isotox.security.domain;

/**
 * Who owns a resource: the label the server stamps on it at every write, and the only thing (with
 * the token) that decides who may see or change it.
 */
public sealed interface Owner {

    /** Data of one site: its patients and everything about them, and whatever its clients write. */
    record SiteOwned(String siteCode) implements Owner {}

    /** The trial's definitions and other data about no patient: every role reads it, the coordinator writes it. */
    record Shared() implements Owner {}

    /**
     * Data only the trial-wide roles see: the audit trail, the server's own records (bulk export files,
     * notices to the coordinator), patients no site owns yet and data about patients of several sites.
     */
    record TrialWide() implements Owner {}

    Owner SHARED = new Shared();
    Owner TRIAL_WIDE = new TrialWide();

    static Owner site(String code) {
        return new SiteOwned(code);
    }
}
