package dev.practicetracker.practicelog.transfer;

import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.practicetracker.platform.problem.Violation;
import dev.practicetracker.practicelog.ActivityType;

/**
 * One row of a bulk import as sent, before any rule is checked: the skill by id or by name, and the
 * log's fields. Text throughout, so a bad value is reported against its row rather than failing the
 * whole document.
 */
public record ImportRow(String skillId, String skillName, String datePracticed, String duration, String description,
        String difficultyRating, String confidenceRating, String activityType, String milestoneId, String milestoneCompleted) {

    static final String[] COLUMNS = { "skill_id", "skill_name", "date_practiced", "duration", "description",
            "difficulty_rating", "confidence_rating", "activity_type", "milestone_id", "milestone_completed" };

    /** The row whose every field is the value of its column (by its name in {@link #COLUMNS}), or null. */
    static ImportRow of(Function<String, String> column) {
        return new ImportRow(column.apply("skill_id"), column.apply("skill_name"), column.apply("date_practiced"),
                column.apply("duration"), column.apply("description"), column.apply("difficulty_rating"),
                column.apply("confidence_rating"), column.apply("activity_type"), column.apply("milestone_id"),
                column.apply("milestone_completed"));
    }

    /**
     * A cell's value read by {@code parser}, or null: for a blank cell (the caller decides whether
     * that is wrong), or with a violation of the row's field when it cannot be read.
     */
    static <T> T parse(String text, Function<String, T> parser, int row, String field, String message, List<Violation> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.strip());
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            problems.add(new Violation(row, field, message));
            return null;
        }
    }

    /** {@code true} or {@code false} in any case. */
    static Boolean booleanOf(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean: " + value);
        };
    }

    static ActivityType activityTypeOf(String value) {
        return value == null || value.isBlank() ? null : ActivityType.of(value.strip());
    }
}
