package org.isotox.security.domain;

/** The outcome of the ownership rules for one write: the owner to stamp, or the rule that refuses it. */
public sealed interface WriteVerdict {

    record Stamp(Owner owner) implements WriteVerdict {}

    record Refused(OwnershipRule rule) implements WriteVerdict {}
}
