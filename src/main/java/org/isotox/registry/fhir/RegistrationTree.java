package org.isotox.registry.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A registration as two trees: what the study's FHIR elements say ({@code held}) and the registration's
 * other fields ({@code rest}). An item of a list FHIR holds carries {@value #INDEX}: its place in the
 * registration it came from, so that its other fields are found again after sites, arms or contacts were
 * added, removed or reordered in FHIR. Items without it were added in FHIR.
 */
final class RegistrationTree {

    /** An item's place in the registration it came from. */
    static final String INDEX = "@index";

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** One field on which the export (FHIR) and the registration as last imported disagree; null for absent. */
    record Difference(String path, JsonNode fhir, JsonNode registration) {}

    private RegistrationTree() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The fields of {@code registration} that {@code held} does not give back exactly; null when there are none. */
    static JsonNode rest(JsonNode registration, JsonNode held) {
        if (held == null || held.isMissingNode() || held.isNull()) {
            return registration;
        }
        if (registration.isObject() && held.isObject()) {
            ObjectNode rest = object();
            registration.fields().forEachRemaining(field -> {
                JsonNode left = rest(field.getValue(), held.get(field.getKey()));
                if (left != null) {
                    rest.set(field.getKey(), left);
                }
            });
            return rest.isEmpty() ? null : rest;
        }
        if (registration.isArray() && held.isArray() && indexed(held)) {
            Map<Integer, JsonNode> byIndex = byIndex(held);
            ArrayNode rest = array();
            boolean any = false;
            for (int i = 0; i < registration.size(); i++) {
                JsonNode left = rest(registration.get(i), byIndex.get(i));
                any |= left != null;
                rest.add(left == null ? object() : left);
            }
            return any ? rest : null;
        }
        return same(registration, held) ? null : registration;
    }

    /** {@code held} with the registration's other fields laid in; FHIR's value wins where both have one. */
    static JsonNode overlay(JsonNode held, JsonNode rest) {
        if (rest == null || rest.isMissingNode()) {
            return held;
        }
        if (held == null || held.isMissingNode()) {
            return rest;
        }
        if (held.isObject() && rest.isObject()) {
            ObjectNode merged = ((ObjectNode) held).deepCopy();
            rest.fields().forEachRemaining(field -> merged.set(field.getKey(), overlay(held.get(field.getKey()), field.getValue())));
            return merged;
        }
        if (held.isArray() && rest.isArray() && indexed(held)) {
            ArrayNode merged = array();
            for (JsonNode item : held) {
                JsonNode index = item.get(INDEX);
                merged.add(index == null ? item : overlay(item, rest.get(index.asInt())));
            }
            return merged;
        }
        return held;
    }

    /** The fields on which {@code exported} and {@code registration} (both indexed as {@link #overlay} leaves them) differ. */
    static List<Difference> differences(JsonNode exported, JsonNode registration) {
        List<Difference> differences = new ArrayList<>();
        compare("", exported, registration, differences);
        return differences;
    }

    /** The tree without the {@value #INDEX} marks. */
    static JsonNode plain(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void compare(String path, JsonNode exported, JsonNode registration, List<Difference> out) {
        if (absent(exported) && absent(registration)) {
            return;
        }
        if (absent(exported) || absent(registration)) {
            out.add(new Difference(path, absent(exported) ? null : plain(exported), absent(registration) ? null : plain(registration)));
            return;
        }
        if (exported.isObject() && registration.isObject()) {
            Set<String> names = new HashSet<>();
            exported.fieldNames().forEachRemaining(names::add);
            registration.fieldNames().forEachRemaining(names::add);
            names.remove(INDEX);
            names.stream().sorted().forEach(name -> compare(path + "/" + name, exported.get(name), registration.get(name), out));
            return;
        }
        if (exported.isArray() && registration.isArray()) {
            if (indexed(exported) || indexed(registration)) {
                Map<Integer, JsonNode> registered = byIndex(registration);
                Set<Integer> seen = new HashSet<>();
                for (int i = 0; i < exported.size(); i++) {
                    JsonNode index = exported.get(i).get(INDEX);
                    JsonNode before = index == null ? null : registered.get(index.asInt());
                    if (index != null) {
                        seen.add(index.asInt());
                    }
                    compare(path + "/" + i, exported.get(i), before, out);
                }
                registered.forEach((index, item) -> {
                    if (!seen.contains(index)) {
                        out.add(new Difference(path + "/" + index, null, plain(item)));
                    }
                });
                return;
            }
            for (int i = 0; i < Math.max(exported.size(), registration.size()); i++) {
                compare(path + "/" + i, exported.get(i), registration.get(i), out);
            }
            return;
        }
        if (!same(exported, registration)) {
            out.add(new Difference(path, plain(exported), plain(registration)));
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** Numbers compare by value (33.30 is 33.3), everything else as JSON. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** A list FHIR holds: its items (or some of them) carry their place in the registration. */
    private static boolean indexed(JsonNode array) {
        for (JsonNode item : array) {
            if (item.has(INDEX)) {
                return true;
            }
        }
        return false;
    }

    private static Map<Integer, JsonNode> byIndex(JsonNode array) {
        Map<Integer, JsonNode> byIndex = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode index = array.get(i).get(INDEX);
            byIndex.put(index == null ? i : index.asInt(), array.get(i));
        }
        return byIndex;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).remove(INDEX);
        }
        for (Iterator<JsonNode> items = node.elements(); items.hasNext(); ) {
            strip(items.next());
        }
    }
}
