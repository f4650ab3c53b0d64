package dev.practicetracker.events;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A skill's learning roadmap: how hard it is ({@code beginner}, {@code intermediate},
 * {@code advanced}, or null), and levels of milestones, each with a "do this now" practice prompt.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RoadmapData(String difficulty, List<Level> levels) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Level(Integer level, String title, String description, List<Milestone> milestones) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Milestone(String id, String title, String description, PracticePrompt doThisNow, Integer estimatedMinutes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PracticePrompt(String prompt, Integer reps, Integer sets, String successCriteria) {
    }

    /** Every milestone of every level, in roadmap order. */
    public Stream<Milestone> milestones() {
        return levels == null ? Stream.empty()
                : levels.stream().filter(Objects::nonNull)
                        .flatMap(level -> level.milestones() == null ? Stream.empty() : level.milestones().stream())
                        .filter(Objects::nonNull);
    }

    /** The sum of the milestones' estimated minutes (those without an estimate add nothing). */
    public int totalEstimatedMinutes() {
        return milestones().mapToInt(milestone -> milestone.estimatedMinutes() == null ? 0 : milestone.estimatedMinutes()).sum();
    }

    public boolean hasMilestone(String milestoneId) {
        return milestones().anyMatch(milestone -> milestone.id() != null && milestone.id().equals(milestoneId));
    }
}
