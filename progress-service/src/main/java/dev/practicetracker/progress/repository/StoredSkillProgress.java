package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.practicetracker.progress.analytics.PracticeDay;
import dev.practicetracker.progress.analytics.PracticeHistory;
import dev.practicetracker.progress.analytics.StreakRules;
import dev.practicetracker.progress.analytics.Weekdays;
import dev.practicetracker.progress.analytics.WeeklyGoal;
import io.vertx.mutiny.sqlclient.Row;

/**
 * What the read model holds for one skill id: the skill as skill-events described it (if any), its
 * milestones, its cached history (if any of its logs arrived — logs can come before their skill) and
 * its weekly goal (null when none is set).
 */
public record StoredSkillProgress(UUID skillId, boolean skillKnown, UUID skillOwner, boolean skillDeleted, String skillName,
        Integer targetHours, int milestonesTotal, int milestonesCompleted, UUID progressOwner, PracticeHistory history,
        WeeklyGoal goal, Instant asOf, Instant updatedAt, StreakRules rules) {

    public enum Visibility { VISIBLE, NOT_THE_CALLERS, UNKNOWN }

    /** Missing, someone else's and deleted are all "not the caller's"; only a never-heard-of skill is unknown. */
    public Visibility visibilityTo(UUID userId) {
        if (skillKnown) {
            return !skillDeleted && userId.equals(skillOwner) ? Visibility.VISIBLE : Visibility.NOT_THE_CALLERS;
        }
        if (progressOwner != null) {
            return userId.equals(progressOwner) ? Visibility.VISIBLE : Visibility.NOT_THE_CALLERS;
        }
        return Visibility.UNKNOWN;
    }

    /** A skill with no logs yet: zeros. */
    public static StoredSkillProgress unpractised(UUID skillId, UUID owner, String name, Integer targetHours) {
        return new StoredSkillProgress(skillId, true, owner, false, name, targetHours, 0, 0, null, PracticeHistory.EMPTY, null, null,
                null, StreakRules.PLAIN);
    }

    static StoredSkillProgress of(UUID skillId, Row row) {
        UUID skillOwner = row.getUUID("skill_owner");
        UUID progressOwner = row.getUUID("progress_owner");
        return new StoredSkillProgress(skillId, skillOwner != null, skillOwner, Boolean.TRUE.equals(row.getBoolean("deleted")),
                row.getString("name"), row.getInteger("target_hours"), intOrZero(row.getInteger("milestones_total")),
                intOrZero(row.getInteger("milestones_completed")), progressOwner,
                progressOwner == null ? PracticeHistory.EMPTY : history(row), goal(row), instant(row.getOffsetDateTime("as_of")),
                instant(row.getOffsetDateTime("updated_at")), rules(row));
    }

    /** The owner's streak rules, from {@link ProgressReadRepository#RULES_COLUMNS}'s columns: plain for a user without settings. */
    static StreakRules rules(Row row) {
        Integer minMinutes = row.getInteger("streak_min_minutes");
        Integer restWeekdays = row.getInteger("rest_weekdays");
        LocalDate[] firstDays = row.getArrayOfLocalDates("skip_first_days");
        LocalDate[] lastDays = row.getArrayOfLocalDates("skip_last_days");
        if (minMinutes == null && firstDays == null) {
            return StreakRules.PLAIN;
        }
        List<StreakRules.Break> breaks = new ArrayList<>();
        for (int i = 0; firstDays != null && i < firstDays.length; i++) {
            breaks.add(new StreakRules.Break(firstDays[i], lastDays[i]));
        }
        return new StreakRules(minMinutes == null ? 1 : minMinutes, Weekdays.of(restWeekdays == null ? 0 : restWeekdays), breaks);
    }

    /** The skill's weekly goal, if one is set. */
    private static WeeklyGoal goal(Row row) {
        WeeklyGoal goal = new WeeklyGoal(row.getInteger("goal_weekly_minutes"), row.getInteger("goal_weekly_sessions"));
        return goal.isSet() ? goal : null;
    }

    static PracticeHistory history(Row row) {
        return new PracticeHistory(row.getInteger("total_sessions"), row.getLong("total_minutes"),
                instant(row.getOffsetDateTime("first_practiced_at")), instant(row.getOffsetDateTime("last_practiced_at")),
                row.getLong("difficulty_sum"), row.getInteger("difficulty_count"), row.getLong("confidence_sum"),
                row.getInteger("confidence_count"), days(row));
    }

    static List<PracticeDay> days(Row row) {
        LocalDate[] dates = row.getArrayOfLocalDates("day_dates");
        Integer[] sessions = row.getArrayOfIntegers("day_sessions");
        Integer[] minutes = row.getArrayOfIntegers("day_minutes");
        List<PracticeDay> days = new ArrayList<>(dates.length);
        for (int i = 0; i < dates.length; i++) {
            days.add(new PracticeDay(dates[i], sessions[i], minutes[i]));
        }
        // held by SkillProgressCache and read by many requests at once
        return Collections.unmodifiableList(days);
    }

    private static int intOrZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
