package dev.practicetracker.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One failed validation rule: the JSON path of the field and what is wrong with it; for a bulk
 * import also the (1-based) row it is in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(Integer row, String field, String message) {

    public Violation(String field, String message) {
        this(null, field, message);
    }
}
