package dev.practicetracker.progress.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything the caller set here, for the account's export: the weekly goal, each skill's goal,
 * the settings, the breaks and the share links. The figures are not in it: they follow from the
 * logs.
 */
public record ProgressExport(
        @Schema(required = true) Goals goals,
        @Schema(required = true) SettingsResponse settings,
        @Schema(required = true) List<SkipDayResponse> skipDays,
        @Schema(required = true) List<ShareLinkResponse> shareLinks) {

    /** The weekly goal across skills (null values when never set) and each skill's. */
    public record Goals(@Schema(nullable = true) Integer weeklyMinutes, @Schema(nullable = true) Integer weeklySessions,
            @Schema(required = true) List<SkillGoal> skills) {
    }

    /** A skill's weekly goal as set. */
    public record SkillGoal(UUID skillId, @Schema(nullable = true) Integer weeklyMinutes, @Schema(nullable = true) Integer weeklySessions,
            Instant updatedAt) {
    }
}
