package dev.practicetracker.skills.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.practicetracker.skills.MilestoneStatus;

/** The editable part of a milestone's progress: the body of {@code PATCH /skills/{id}/milestones/{milestone_id}}. */
public record MilestoneFields(@NotNull MilestoneStatus status, @Size(max = 2000) String notes) {
}
