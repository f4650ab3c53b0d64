package dev.practicetracker.progress.mapping;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import dev.practicetracker.progress.analytics.PracticeHistory;
import dev.practicetracker.progress.analytics.ProgressCalculator;
import dev.practicetracker.progress.analytics.Stage;
import dev.practicetracker.progress.analytics.WeeklyGoal;
import dev.practicetracker.progress.repository.UserHistory;
import dev.practicetracker.progress.repository.StoredSkillProgress;

/** Stored histories to API responses, with every "today"-dependent figure computed for the reader's day. */
public final class ProgressMapper {

    private ProgressMapper() {
    }

    public static SkillProgressResponse toResponse(StoredSkillProgress stored, LocalDate today) {
        PracticeHistory history = stored.history();
        int[] week = ProgressCalculator.window(history.days(), today, 7);
        int[] month = ProgressCalculator.window(history.days(), today, 30);
        double progress = ProgressCalculator.progressPercent(history, stored.targetHours(), today);
        double average = history.totalSessions() == 0 ? 0
                : Math.round(10.0 * history.totalMinutes() / history.totalSessions()) / 10.0;
        return new SkillProgressResponse(stored.skillId(), stored.skillName(), history.totalSessions(), history.totalMinutes(),
                average, history.firstPracticedAt(), history.lastPracticedAt(),
                ProgressCalculator.daysSinceLastPractice(history, today), ProgressCalculator.currentStreak(history.days(), today, stored.rules()),
                ProgressCalculator.longestStreak(history.days(), stored.rules()), week[0], week[1], month[0], month[1],
                ProgressCalculator.sessionsPerWeek(history, today),
                ProgressCalculator.average(history.difficultySum(), history.difficultyCount()),
                ProgressCalculator.average(history.confidenceSum(), history.confidenceCount()), progress, Stage.of(progress),
                ProgressCalculator.trend(history, today), stored.milestonesCompleted(), stored.milestonesTotal(),
                ProgressCalculator.level(history.totalSessions()), ProgressCalculator.sessionsToNextLevel(history.totalSessions()),
                goal(stored, today), stored.asOf(), stored.updatedAt());
    }

    private static SkillGoalResponse goal(StoredSkillProgress stored, LocalDate today) {
        WeeklyGoal goal = stored.goal();
        if (goal == null) {
            return null;
        }
        WeeklyGoal.Attainment week = goal.attainment(stored.history().days(), today);
        return new SkillGoalResponse(goal.weeklyMinutes(), goal.weeklySessions(), week.weekStart(), week.minutes(), week.sessions(),
                week.met());
    }

    /** Of a user's skills, those not practised in the {@code days} days up to {@code today} (or ever), stalest first. */
    public static List<Reminder> reminders(List<StoredSkillProgress> skills, LocalDate today, int days) {
        return skills.stream()
                .filter(stored -> stored.history().lastDay() == null || stored.history().lastDay().isBefore(today.minusDays(days - 1L)))
                .map(stored -> new Reminder(stored.skillId(), stored.skillName(), stored.history().lastPracticedAt(),
                        ProgressCalculator.daysSinceLastPractice(stored.history(), today)))
                .sorted(Comparator.comparing((Reminder reminder) -> reminder.daysSinceLastPractice() == null ? Integer.MAX_VALUE
                        : reminder.daysSinceLastPractice()).reversed())
                .toList();
    }

    public static UserProgressResponse.User toUser(UserHistory user, LocalDate today) {
        PracticeHistory history = user.history();
        int[] month = ProgressCalculator.window(history.days(), today, 30);
        int[] day = ProgressCalculator.window(history.days(), today, 1);
        return new UserProgressResponse.User(ProgressCalculator.currentStreak(history.days(), today, user.rules()),
                ProgressCalculator.longestStreak(history.days(), user.rules()), history.totalMinutes(), history.totalSessions(), day[0] > 0,
                month[0], month[1]);
    }
}
