package org.reliefdesk.logic.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A test on form values: {@code field} equals a value, or is one of {@code in}; or
 * {@code all} of several conditions hold.
 */
public record Condition(
        String field,
        @JsonProperty("equals") Object value,
        @JsonProperty("in") List<Object> in,
        List<Condition> all) {

    public boolean test(Map<String, Object> values) {
        if (all != null) {
            return all.stream().allMatch(c -> c.test(values));
        }
        Object actual = values.get(field);
        if (in != null) {
            return in.stream().anyMatch(v -> same(v, actual));
        }
        return same(value, actual);
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(expected, actual);
    }

    /** Every field the condition reads, for the loader's checks. */
    public List<String> fields() {
        return all != null ? all.stream().flatMap(c -> c.fields().stream()).toList() : List.of(field);
    }
}
