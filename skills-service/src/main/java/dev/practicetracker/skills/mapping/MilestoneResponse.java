package dev.practicetracker.skills.mapping;

import java.time.Instant;

import dev.practicetracker.events.RoadmapData;
import dev.practicetracker.skills.MilestoneStatus;

/** A roadmap milestone with the learner's progress on it. */
public record MilestoneResponse(
        int level,
        String id,
        String title,
        String description,
        RoadmapData.PracticePrompt doThisNow,
        Integer estimatedMinutes,
        MilestoneStatus status,
        String notes,
        Instant startedAt,
        Instant completedAt,
        long practiceMinutes,
        long practiceAttempts,
        long practiceCompletions,
        long version) {
}
