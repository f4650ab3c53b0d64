package dev.practicetracker.platform.problem;

/** One failed validation rule: the JSON path of the field and what is wrong with it. */
public record Violation(String field, String message) {
}
