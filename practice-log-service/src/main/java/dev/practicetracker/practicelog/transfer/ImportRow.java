package dev.practicetracker.practicelog.transfer;

import java.util.function.Function;

import dev.practicetracker.practicelog.ActivityType;

/**
 * One row of a bulk import as sent, before any rule is checked: the skill by id or by name, and the
 * log's fields. Text throughout, so a bad value is reported against its row rather than failing the
 * whole document.
 */
public record ImportRow(String skillId, String skillName, String datePracticed, String duration, String description,
        String difficultyRating, String confidenceRating, String activityType, String milestoneId) {

    static final String[] COLUMNS = { "skill_id", "skill_name", "date_practiced", "duration", "description",
            "difficulty_rating", "confidence_rating", "activity_type", "milestone_id" };

    /** The row whose every field is the value of its column (by its name in {@link #COLUMNS}), or null. */
    static ImportRow of(Function<String, String> column) {
        return new ImportRow(column.apply("skill_id"), column.apply("skill_name"), column.apply("date_practiced"),
                column.apply("duration"), column.apply("description"), column.apply("difficulty_rating"),
                column.apply("confidence_rating"), column.apply("activity_type"), column.apply("milestone_id"));
    }

    static ActivityType activityTypeOf(String value) {
        return value == null || value.isBlank() ? null : ActivityType.of(value.strip());
    }
}
