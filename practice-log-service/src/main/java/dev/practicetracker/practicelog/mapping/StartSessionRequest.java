package dev.practicetracker.practicelog.mapping;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /practice-sessions}: the skill, and how long the learner means to practise. */
public record StartSessionRequest(@NotNull UUID skillId, @Min(1) @Max(LogFields.MAX_DURATION) Integer plannedMinutes) {
}
