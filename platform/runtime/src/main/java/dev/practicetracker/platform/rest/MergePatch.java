package dev.practicetracker.platform.rest;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.Violations;

/**
 * JSON merge patch (RFC 7396) of a resource's mutable fields: members present in the patch replace
 * the current ones, {@code null} clears, nested objects merge, arrays replace. Fields a client may
 * not change are checked against the resource's current values: sending them back unchanged is
 * fine, changing them is a 400; one the record carries (a template's slug) keeps its value.
 */
public final class MergePatch {

    private MergePatch() {
    }

    /**
     * @param current the resource's mutable fields as a record of the API's JSON shape
     * @param immutable the API names and current values of the fields that must not change
     * @return the patched fields, not yet validated
     */
    public static <T> T apply(ObjectMapper mapper, T current, JsonNode patch, Class<T> type, Map<String, Object> immutable) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object (a merge patch)");
        }
        Violations violations = new Violations();
        immutable.forEach((field, value) -> {
            JsonNode sent = patch.get(field);
            if (sent != null && !Objects.equals(mapper.convertValue(value, JsonNode.class), sent)) {
                violations.add(field, "cannot be changed");
            }
        });
        violations.throwIfAny();
        ObjectNode original = mapper.valueToTree(current);
        ObjectNode merged = original.deepCopy();
        merge(merged, (ObjectNode) patch);
        // a fixed field the record carries keeps its value; one it does not carry was only there to be checked
        immutable.keySet().forEach(field -> {
            if (original.has(field)) {
                merged.set(field, original.get(field));
            } else {
                merged.remove(field);
            }
        });
        try {
            return mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(Violations.of(e)));
        }
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(field.getKey());
            if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }
}
