package org.isotox.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A chain of ValueSet inclusions that comes back on itself, reachable from one ValueSet: expanding
 * it would never end (HAPI's expansion recurses until the stack overflows). Depth-first without
 * recursion, so that a hostile chain of thousands of ValueSets cannot overflow this either.
 */
final class InclusionCycle {

    private InclusionCycle() {}

    /** The cycle as the chain of canonical URLs that closes it (first and last equal), if there is one. */
    static Optional<List<String>> from(String start, Function<String, ? extends Collection<String>> includes) {
        List<String> chain = new ArrayList<>(List.of(start));
        Map<String, Integer> positions = new HashMap<>(Map.of(start, 0));
        Deque<Iterator<String>> pending = new ArrayDeque<>();
        pending.push(includes.apply(start).iterator());
        Set<String> seen = new HashSet<>(chain);
        while (!pending.isEmpty()) {
            Iterator<String> next = pending.peek();
            if (!next.hasNext()) {
                pending.pop();
                positions.remove(chain.remove(chain.size() - 1));
                continue;
            }
            String included = next.next();
            Integer at = positions.get(included);
            if (at != null) {
                List<String> cycle = new ArrayList<>(chain.subList(at, chain.size()));
                cycle.add(included);
                return Optional.of(cycle);
            }
            if (seen.add(included)) {
                positions.put(included, chain.size());
                chain.add(included);
                pending.push(includes.apply(included).iterator());
            }
        }
        return Optional.empty();
    }
}
