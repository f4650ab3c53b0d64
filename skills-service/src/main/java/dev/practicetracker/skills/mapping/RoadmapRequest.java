package dev.practicetracker.skills.mapping;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.practicetracker.events.RoadmapData;
import dev.practicetracker.skills.RoadmapDifficulty;

/**
 * Body of {@code PUT /skills/{id}/roadmap}: the skill deconstructed into levels (1–10) of
 * milestones, each with a "do this now" practice prompt. Rules across the document (distinct level
 * numbers, milestone ids unique within the skill) are checked by {@link RoadmapRules}.
 */
public record RoadmapRequest(RoadmapDifficulty difficulty, @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Level> levels) {

    public record Level(
            @NotNull @Min(1) @Max(10) Integer level,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String description,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Milestone> milestones) {
    }

    public record Milestone(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                    message = "must be letters, digits, '.', '_' or '-', starting with a letter or digit") String id,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String description,
            @Valid DoThisNow doThisNow,
            @Min(1) @Max(1440) Integer estimatedMinutes) {
    }

    public record DoThisNow(
            @NotBlank @Size(max = 1000) String prompt,
            @Min(1) @Max(1000) Integer reps,
            @Min(1) @Max(100) Integer sets,
            @Size(max = 1000) String successCriteria) {
    }

    /** As stored and published: the same document, in the event contract's shape. */
    public RoadmapData toData() {
        return new RoadmapData(difficulty == null ? null : difficulty.toString(), levels.stream().map(level -> new RoadmapData.Level(level.level(), level.title(),
                level.description(), level.milestones().stream().map(milestone -> new RoadmapData.Milestone(milestone.id(),
                        milestone.title(), milestone.description(), milestone.doThisNow() == null ? null
                                : new RoadmapData.PracticePrompt(milestone.doThisNow().prompt(), milestone.doThisNow().reps(),
                                        milestone.doThisNow().sets(), milestone.doThisNow().successCriteria()),
                        milestone.estimatedMinutes())).toList())).toList());
    }
}
