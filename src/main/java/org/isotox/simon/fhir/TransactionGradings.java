package org.isotox.simon.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.isotox.toxicity.fhir.PatientToxicity;

/** The toxicity gradings a FHIR transaction writes: whose they are, and what each replaced. */
final class TransactionGradings {

    private final Set<String> patients = new LinkedHashSet<>();
    private final List<PendingToxicityWrite> undone = new ArrayList<>();

    /** The grading read from {@code source} is written for {@code patient}; before it was {@code before} (empty: none). */
    void add(String patient, String source, Optional<PatientToxicity> before) {
        patients.add(patient);
        undone.add(PendingToxicityWrite.replacing(source, before));
    }

    Set<String> patients() {
        return patients;
    }

    /** The stored records as they were before the transaction: each of its gradings put back as it was, in reverse order. */
    PendingToxicityWrite undo() {
        List<PendingToxicityWrite> reversed = new ArrayList<>(undone);
        Collections.reverse(reversed);
        return stored -> {
            List<PatientToxicity> records = stored;
            for (PendingToxicityWrite write : reversed) {
                records = write.apply(records);
            }
            return records;
        };
    }
}
