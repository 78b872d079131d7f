package org.isotox.security.domain;

import java.util.Optional;

/**
 * Who writes: a site-bound client (investigator, the site's EHR), the trial coordinator, a client that
 * only reads, or the server itself (derived records, the audit trail, definitions loaded at start-up).
 *
 * @param site the site of a site-bound client (empty when its token names no known site)
 */
public record Writer(Kind kind, Optional<String> site) {

    public enum Kind { SITE_CLIENT, COORDINATOR, READER, SERVER }

    public static final Writer SERVER = new Writer(Kind.SERVER, Optional.empty());
    public static final Writer COORDINATOR = new Writer(Kind.COORDINATOR, Optional.empty());

    /** The writer a token's grant makes. */
    public static Writer of(AccessGrant grant) {
        if (grant.grants().isEmpty() || !grant.role().writes()) {
            return new Writer(Kind.READER, Optional.empty());
        }
        if (grant.role().siteBound()) {
            return new Writer(Kind.SITE_CLIENT, grant.site().map(Site::code));
        }
        return COORDINATOR;
    }
}
