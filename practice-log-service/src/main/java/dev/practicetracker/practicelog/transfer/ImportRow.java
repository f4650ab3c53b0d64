package dev.practicetracker.practicelog.transfer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.practicetracker.practicelog.ActivityType;

/**
 * One row of a bulk import as sent, before any rule is checked: the skill by id or by name, and the
 * log's fields. Text throughout, so a bad value is reported against its row rather than failing the
 * whole document.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportRow(String skillId, String skillName, String datePracticed, String duration, String description,
        String difficultyRating, String confidenceRating, String activityType, String milestoneId) {

    static final String[] COLUMNS = { "skill_id", "skill_name", "date_practiced", "duration", "description",
            "difficulty_rating", "confidence_rating", "activity_type", "milestone_id" };

    static ActivityType activityTypeOf(String value) {
        return value == null || value.isBlank() ? null : ActivityType.of(value.strip());
    }
}
