package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InclusionCycleTest {

    private static Function<String, List<String>> graph(Map<String, List<String>> edges) {
        return url -> edges.getOrDefault(url, List.of());
    }

    @Test
    void aValueSetIncludingItselfIsACycle() {
        assertThat(InclusionCycle.from("A", graph(Map.of("A", List.of("A"))))).contains(List.of("A", "A"));
    }

    @Test
    void twoValueSetsIncludingEachOtherAreACycle() {
        assertThat(InclusionCycle.from("A", graph(Map.of("A", List.of("B"), "B", List.of("A"))))).contains(List.of("A", "B", "A"));
    }

    @Test
    void aCycleFurtherDownIsFoundToo() {
        assertThat(InclusionCycle.from("A", graph(Map.of("A", List.of("B"), "B", List.of("C"), "C", List.of("B")))))
                .contains(List.of("B", "C", "B"));
    }

    @Test
    void sharedInclusionsAreNoCycle() {
        // a diamond: A includes B and C, both include D
        assertThat(InclusionCycle.from("A", graph(Map.of("A", List.of("B", "C"), "B", List.of("D"), "C", List.of("D"))))).isEmpty();
        assertThat(InclusionCycle.from("A", graph(Map.of()))).isEmpty();
    }

    @Test
    void aChainOfAHundredThousandValueSetsDoesNotOverflowTheStack() {
        int length = 100_000;
        Function<String, List<String>> chain = url -> {
            int next = Integer.parseInt(url) + 1;
            return next < length ? List.of(String.valueOf(next)) : List.of("0");
        };

        assertThat(InclusionCycle.from("0", chain)).hasValueSatisfying(cycle -> assertThat(cycle).hasSize(length + 1));
    }
}
