package dev.practicetracker.progress.mapping;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /progress}: the caller across all skills, and each skill, most practised first. */
public record UserProgressResponse(User user, List<SkillProgressResponse> skills, Instant asOf) {

    public record User(int currentStreakDays, int longestStreakDays, long totalMinutes, int totalSessions, boolean practicedToday,
            @JsonProperty("sessions_last_30_days") int sessionsLast30Days,
            @JsonProperty("minutes_last_30_days") int minutesLast30Days) {
    }
}
