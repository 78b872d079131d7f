package org.isotox.simon.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.isotox.toxicity.fhir.PatientToxicity;

/**
 * A toxicity write still inside its transaction: what it removes (the record's previous content)
 * and what it adds. Applied to what the database shows, it gives the records as they will be.
 */
@FunctionalInterface
public interface PendingToxicityWrite {

    List<PatientToxicity> apply(List<PatientToxicity> stored);

    static PendingToxicityWrite none() {
        return stored -> stored;
    }

    /** The record read from {@code source} is replaced by {@code now} (empty: deleted or no longer a toxicity). */
    static PendingToxicityWrite replacing(String source, Optional<PatientToxicity> now) {
        return stored -> {
            List<PatientToxicity> result = new ArrayList<>(stored.stream()
                    .filter(t -> !t.record().source().equals(source))
                    .toList());
            now.ifPresent(result::add);
            return result;
        };
    }
}
