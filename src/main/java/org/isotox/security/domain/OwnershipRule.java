package org.isotox.security.domain;

/** The rules of ownership a write can break, each with the words a refusal gives. */
public enum OwnershipRule {
    AUDIT_TRAIL_APPEND_ONLY(false, "the audit trail is written by the server only"),
    READ_ONLY(false, "the token's role only reads"),
    NO_SITE(false, "the token names no known site"),
    DEFINITIONS_ARE_THE_COORDINATORS(false, "the trial's definitions are written by the coordinator only"),
    NOT_THE_SITES(false, "it is not data of the client's site"),
    REFERS_OUTSIDE_THE_SITE(false, "it refers to a resource that is not data of the client's site"),
    NAMES_ANOTHER_SITE(false, "it names another site than the client's"),
    LABELLED_FOR_ANOTHER_OWNER(true, "its ownership label disagrees with the owner of the patient it is about"),
    SITE_DOES_NOT_OWN_THE_PATIENT(true, "it puts a patient on a site that does not own the patient"),
    TRANSFER_ONLY(true, "a patient changes site only by the coordinator's transfer (POST Patient/{id}/$transfer with parameter site = the site's code)");

    private final boolean businessRule;
    private final String text;

    OwnershipRule(boolean businessRule, String text) {
        this.businessRule = businessRule;
        this.text = text;
    }

    /** True: the content contradicts itself (422); false: the writer may not do this (403). */
    public boolean businessRule() {
        return businessRule;
    }

    public String text() {
        return text;
    }

    /** The rule's name as OperationOutcome codes and logs give it. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
