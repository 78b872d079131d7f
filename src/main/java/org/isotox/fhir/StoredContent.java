package org.isotox.fhir;

import org.hl7.fhir.r4.model.DomainResource;

/** Whether writing a resource would change what is stored: its content, whatever its id and metadata. */
public final class StoredContent {

    private StoredContent() {}

    public static boolean same(DomainResource stored, DomainResource wanted) {
        return content(stored).equalsDeep(content(wanted));
    }

    private static DomainResource content(DomainResource resource) {
        DomainResource copy = resource.copy();
        copy.setIdElement(null);
        copy.setMeta(null);
        copy.setText(null);
        return copy;
    }
}
