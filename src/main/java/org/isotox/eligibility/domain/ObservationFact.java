package org.isotox.eligibility.domain;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An Observation of the patient as the rules read it: codes, when it was made (local time as
 * written), value, the lab's reference range, interpretation codes and the references it is about
 * ({@code focus}).
 */
public record ObservationFact(
        String reference,
        Set<Code> codes,
        LocalDateTime effective,
        ObservedValue value,
        Optional<ValueRange> referenceRange,
        Set<Code> interpretation,
        List<String> focus) {

    public ObservationFact {
        codes = Set.copyOf(codes);
        interpretation = Set.copyOf(interpretation);
        focus = List.copyOf(focus);
    }

    public boolean isCodedByAnyOf(Set<Code> wanted) {
        return codes.stream().anyMatch(wanted::contains);
    }

    String day() {
        return effective.toLocalDate().toString();
    }
}
