package dev.practicetracker.progress.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Every figure of ANALYTICS.md that depends on the day it is read, computed from a stored
 * {@link PracticeHistory} for "today" in the reader's zone. Pure functions, no I/O: the cached
 * history is one indexed lookup, this is arithmetic over its per-day series.
 */
public final class ProgressCalculator {

    // progress_percent = 100 · (1 − e^(−(S/TAU)^SHAPE)) · recency, S = hours + HOURS_PER_PRACTICE_DAY · practice days
    static final double HOURS_PER_PRACTICE_DAY = 0.5;
    static final double TAU_HOURS = 42;
    static final double SHAPE = 0.7;
    /** Below 100 unless a target is reached: mastery is approached, not arrived at. */
    static final double CURVE_CEILING = 99.9;
    // recency: full credit within a week of the last practice, then decaying to half over ~a month
    static final int RECENCY_GRACE_DAYS = 7;
    static final double RECENCY_FLOOR = 0.5;
    static final double RECENCY_DECAY_DAYS = 30;

    // trend: exponentially weighted daily minutes, acute ~7 days against chronic ~28 days
    static final double ACUTE_ALPHA = 2.0 / (7 + 1);
    static final double CHRONIC_ALPHA = 2.0 / (28 + 1);
    static final double TREND_MARGIN = 0.10;
    static final int TREND_MINIMUM_SESSIONS = 3;

    /** Total sessions at which levels 2, 3, 4 and 5 are reached (10, 15, 20, 30 sessions per level). */
    static final int[] LEVEL_THRESHOLDS = { 10, 25, 45, 75 };

    private ProgressCalculator() {
    }

    /**
     * The streak up to today: walking back from today, today without practice and break days without
     * practice are passed over; it is the number of practised days (days whose minutes count) before
     * the first unpractised day that is no break.
     */
    public static int currentStreak(List<PracticeDay> days, LocalDate today, StreakRules rules) {
        int last = days.size() - 1;
        while (last >= 0 && days.get(last).date().isAfter(today)) {
            last--;
        }
        return streakBackFrom(days, last, today, rules, true);
    }

    /** The streak that ends with the last practised day (the last whose minutes count), 0 when there is none. */
    public static int streakEndingAtLast(List<PracticeDay> days, StreakRules rules) {
        int last = lastCounting(days, rules);
        return last < 0 ? 0 : streakBackFrom(days, last, days.get(last).date(), rules, false);
    }

    /** The last practised day (whose minutes count), or null when there is none. */
    public static LocalDate lastPractisedDay(List<PracticeDay> days, StreakRules rules) {
        int last = lastCounting(days, rules);
        return last < 0 ? null : days.get(last).date();
    }

    private static int lastCounting(List<PracticeDay> days, StreakRules rules) {
        int last = days.size() - 1;
        while (last >= 0 && !rules.counts(days.get(last).minutes())) {
            last--;
        }
        return last;
    }

    /**
     * Walks back from {@code day}, {@code index} being the last of {@code days} on or before it:
     * counts practised days, passes break days without practice (and {@code day} itself when
     * {@code passFirst}), stops at any other day or once no practice is left before.
     */
    private static int streakBackFrom(List<PracticeDay> days, int index, LocalDate day, StreakRules rules, boolean passFirst) {
        int streak = 0;
        int next = index;
        for (LocalDate current = day; next >= 0; current = current.minusDays(1)) {
            PracticeDay practised = days.get(next).date().equals(current) ? days.get(next--) : null;
            if (practised != null && rules.counts(practised.minutes())) {
                streak++;
            } else if (!(passFirst && current.equals(day)) && !rules.isBreak(current)) {
                break;
            }
        }
        return streak;
    }

    /** The longest streak in the history, by the same rule: practised days, running through unpractised break days. */
    public static int longestStreak(List<PracticeDay> days, StreakRules rules) {
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (PracticeDay day : days) {
            if (!rules.counts(day.minutes())) {
                continue;
            }
            run = previous != null && onlyBreaksBetween(previous, day.date(), rules) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day.date();
        }
        return longest;
    }

    /** Whether every day strictly between two practised days is a break. */
    private static boolean onlyBreaksBetween(LocalDate earlier, LocalDate later, StreakRules rules) {
        for (LocalDate day = earlier.plusDays(1); day.isBefore(later); day = day.plusDays(1)) {
            if (!rules.isBreak(day)) {
                return false;
            }
        }
        return true;
    }

    /** Sessions and minutes in the {@code length} days ending today, inclusive. */
    public static int[] window(List<PracticeDay> days, LocalDate today, int length) {
        LocalDate first = today.minusDays(length - 1L);
        int sessions = 0;
        int minutes = 0;
        for (int i = days.size() - 1; i >= 0 && !days.get(i).date().isBefore(first); i--) {
            if (!days.get(i).date().isAfter(today)) {
                sessions += days.get(i).sessions();
                minutes += days.get(i).minutes();
            }
        }
        return new int[] { sessions, minutes };
    }

    public static Integer daysSinceLastPractice(PracticeHistory history, LocalDate today) {
        LocalDate last = history.lastDay();
        return last == null ? null : (int) Math.max(0, ChronoUnit.DAYS.between(last, today));
    }

    /** Sessions ÷ weeks between the first practice and today, at least one week. */
    public static double sessionsPerWeek(PracticeHistory history, LocalDate today) {
        if (history.isEmpty()) {
            return 0;
        }
        double weeks = Math.max(1, (ChronoUnit.DAYS.between(history.firstDay(), today) + 1) / 7.0);
        return round1(history.totalSessions() / weeks);
    }

    public static Double average(long sum, int count) {
        return count == 0 ? null : round1((double) sum / count);
    }

    /**
     * 0–100, one decimal: a saturating curve of practice (hours plus a habit credit per distinct
     * practice day) times a recency factor; with a target, at least the share of the target's hours
     * done, reaching 100 exactly at the target. Adding a log never lowers it for the same read date:
     * every input it uses only grows (or, for recency, only moves closer) when a log is added.
     */
    public static double progressPercent(PracticeHistory history, Integer targetHours, LocalDate today) {
        if (history.isEmpty()) {
            return 0;
        }
        double hours = history.totalMinutes() / 60.0;
        double score = hours + HOURS_PER_PRACTICE_DAY * history.days().size();
        double curve = Math.min(CURVE_CEILING, 100 * (1 - Math.exp(-Math.pow(score / TAU_HOURS, SHAPE))) * recency(history, today));
        double target = targetHours == null ? 0 : Math.min(100, 100 * hours / targetHours);
        return round1(Math.max(curve, target));
    }

    static double recency(PracticeHistory history, LocalDate today) {
        long idle = Math.max(0, ChronoUnit.DAYS.between(history.lastDay(), today) - RECENCY_GRACE_DAYS);
        return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * Math.exp(-idle / RECENCY_DECAY_DAYS);
    }

    /**
     * Recent load against habitual load: bias-corrected exponentially weighted averages of daily
     * minutes from the first practice day to today, over ~7 days (acute) and ~28 days (chronic).
     */
    public static Trend trend(PracticeHistory history, LocalDate today) {
        if (history.totalSessions() < TREND_MINIMUM_SESSIONS) {
            return Trend.MAINTAINING;
        }
        double acute = 0;
        double chronic = 0;
        int next = 0;
        List<PracticeDay> days = history.days();
        long span = ChronoUnit.DAYS.between(history.firstDay(), today) + 1;
        for (LocalDate day = history.firstDay(); !day.isAfter(today); day = day.plusDays(1)) {
            int minutes = 0;
            if (next < days.size() && days.get(next).date().equals(day)) {
                minutes = days.get(next++).minutes();
            }
            acute = ACUTE_ALPHA * minutes + (1 - ACUTE_ALPHA) * acute;
            chronic = CHRONIC_ALPHA * minutes + (1 - CHRONIC_ALPHA) * chronic;
        }
        acute /= 1 - Math.pow(1 - ACUTE_ALPHA, span);
        chronic /= 1 - Math.pow(1 - CHRONIC_ALPHA, span);
        if (acute > chronic * (1 + TREND_MARGIN)) {
            return Trend.IMPROVING;
        }
        return acute < chronic * (1 - TREND_MARGIN) ? Trend.DECLINING : Trend.MAINTAINING;
    }

    /** Level 1–5 from total sessions. */
    public static int level(int sessions) {
        int level = 1;
        for (int threshold : LEVEL_THRESHOLDS) {
            if (sessions >= threshold) {
                level++;
            }
        }
        return level;
    }

    /** Sessions still needed for the next level; null at level 5. */
    public static Integer sessionsToNextLevel(int sessions) {
        int level = level(sessions);
        return level > LEVEL_THRESHOLDS.length ? null : LEVEL_THRESHOLDS[level - 1] - sessions;
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
