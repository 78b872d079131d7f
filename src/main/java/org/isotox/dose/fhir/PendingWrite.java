package org.isotox.dose.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** A resource being written (or deleted) in a transaction whose stored rows cannot show it yet. */
record PendingWrite(IBaseResource resource, boolean deleted) {

    /** The stored resources of {@code type} as they will be after this write. */
    <T extends IBaseResource> List<T> over(List<T> stored, Class<T> type) {
        String id = resource.getIdElement().getIdPart();
        List<T> after = new ArrayList<>(stored.stream().filter(r -> !r.getIdElement().getIdPart().equals(id)).toList());
        if (!deleted && type.isInstance(resource)) {
            after.add(type.cast(resource));
        }
        return after;
    }
}
