package dev.practicetracker.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code data} of {@code reminder.due.v1}: on a local day of the user's, at or after their reminder
 * time, the skills they have not practised for at least their {@code after_days} (or ever), stalest first.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReminderDueData(UUID userId, LocalDate localDate, List<Skill> skills, Instant dueAt) {

    /** A skill to remind of; {@code days_since_last_practice} is null for one never practised. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Skill(UUID skillId, String skillName, Integer daysSinceLastPractice) {
    }
}
