package org.isotox.response.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.response.domain.Fixtures.nonTarget;
import static org.isotox.response.domain.Fixtures.nonTargetNode;

class NonTargetResponseRuleTest {

    private static final List<NonTargetLesion> LESIONS = List.of(nonTarget("E1"), nonTargetNode("N1"));

    // Eisenhauer 2009 section 4.3.3: CR = disappearance of all non-target lesions, every node
    // non-pathological (< 10 mm, status "absent"); non-CR/non-PD = persistence of one or more;
    // PD = unequivocal progression of existing non-target lesions. "-" = not evaluated.
    @ParameterizedTest(name = "E1 {0}, node N1 {1} -> {2}")
    @CsvSource({
            "absent,                  absent,                  CR",
            "absent,                  present,                 non-CR/non-PD",
            "present,                 absent,                  non-CR/non-PD",
            "present,                 present,                 non-CR/non-PD",
            "unequivocal-progression, present,                 PD",
            "absent,                  unequivocal-progression, PD",
            "-,                       unequivocal-progression, PD",
            "absent,                  -,                       NE",
            "-,                       present,                 NE",
            "-,                       -,                       NE",
    })
    void nonTargetResponse(String e1, String n1, String expected) {
        Map<String, NonTargetStatus> statuses = new HashMap<>();
        if (!e1.equals("-")) {
            statuses.put("E1", NonTargetStatus.fromCode(e1));
        }
        if (!n1.equals("-")) {
            statuses.put("N1", NonTargetStatus.fromCode(n1));
        }

        assertThat(NonTargetResponseRule.evaluate(LESIONS, statuses)).contains(Response.fromCode(expected));
    }

    @Test
    void withoutNonTargetLesionsThereIsNoNonTargetResponse() {
        assertThat(NonTargetResponseRule.evaluate(List.of(), Map.of())).isEmpty();
    }
}
