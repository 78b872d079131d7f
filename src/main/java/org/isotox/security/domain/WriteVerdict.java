package org.isotox.security.domain;

/** The outcome of the ownership rules for one write: the owner to stamp, or the rule that refuses it. */
public sealed interface WriteVerdict {

    /**
     * @param owner the owner to stamp
     * @param places a patient no site owned that this write places at the owner's site (the coordinator's
     *               enrolment of him there): he and what was written about him become the site's
     */
    record Stamp(Owner owner, boolean places) implements WriteVerdict {

        public Stamp(Owner owner) {
            this(owner, false);
        }
    }

    record Refused(OwnershipRule rule) implements WriteVerdict {}
}
