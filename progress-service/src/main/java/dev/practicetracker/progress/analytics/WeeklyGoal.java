package dev.practicetracker.progress.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A weekly target in minutes, sessions or both (the user's across skills, or one skill's), and how
 * the week that contains a day stands against it. Weeks start on Monday.
 */
public record WeeklyGoal(Integer weeklyMinutes, Integer weeklySessions) {

    /** The week of {@code today} up to and including it: its start, what was done, and whether every target set is reached. */
    public record Attainment(LocalDate weekStart, int minutes, int sessions, boolean met) {
    }

    public boolean isSet() {
        return weeklyMinutes != null || weeklySessions != null;
    }

    public Attainment attainment(List<PracticeDay> days, LocalDate today) {
        LocalDate weekStart = Calendar.startOf(today, Calendar.Period.WEEK);
        int[] week = ProgressCalculator.window(days, today, (int) ChronoUnit.DAYS.between(weekStart, today) + 1);
        return attainment(weekStart, week[1], week[0]);
    }

    /** How a week that started on {@code weekStart} with these minutes and sessions stands against the goal. */
    public Attainment attainment(LocalDate weekStart, int minutes, int sessions) {
        boolean met = isSet() && (weeklyMinutes == null || minutes >= weeklyMinutes) && (weeklySessions == null || sessions >= weeklySessions);
        return new Attainment(weekStart, minutes, sessions, met);
    }
}
