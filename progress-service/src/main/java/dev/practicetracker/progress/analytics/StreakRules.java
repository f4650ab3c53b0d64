package dev.practicetracker.progress.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A user's settings that shape every streak (ANALYTICS.md, "settings that shape the figures"): a day
 * counts as practised when its minutes reach {@code minMinutes}; a break day (one of the
 * {@code restWeekdays}, or within one of the user's skip days) without practice neither breaks a
 * streak nor adds to it.
 */
public final class StreakRules {

    /** Every day a day of its own: a day counts with a minute of practice, and there are no breaks. */
    public static final StreakRules PLAIN = new StreakRules(1, Set.of(), List.of());

    /** One of the user's planned breaks: every day from {@code first} to {@code last}, both included. */
    public record Break(LocalDate first, LocalDate last) {
    }

    private final int minMinutes;
    private final Set<DayOfWeek> restWeekdays;
    /** The breaks merged where they overlap or touch: first day → last day. */
    private final NavigableMap<LocalDate, LocalDate> breaks = new TreeMap<>();

    public StreakRules(int minMinutes, Set<DayOfWeek> restWeekdays, List<Break> breaks) {
        this.minMinutes = minMinutes;
        this.restWeekdays = restWeekdays.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(restWeekdays));
        breaks.stream().sorted((a, b) -> a.first().compareTo(b.first())).forEach(this::merge);
    }

    private void merge(Break added) {
        Map.Entry<LocalDate, LocalDate> last = breaks.lastEntry();
        if (last != null && !added.first().isAfter(last.getValue().plusDays(1))) {
            if (added.last().isAfter(last.getValue())) {
                breaks.put(last.getKey(), added.last());
            }
        } else {
            breaks.put(added.first(), added.last());
        }
    }

    public int minMinutes() {
        return minMinutes;
    }

    public Set<DayOfWeek> restWeekdays() {
        return restWeekdays;
    }

    /** Whether a day with these minutes counts as practised for a streak. */
    public boolean counts(int minutes) {
        return minutes >= minMinutes;
    }

    /** Whether the day is a break: a rest weekday or a skip day. */
    public boolean isBreak(LocalDate day) {
        if (restWeekdays.contains(day.getDayOfWeek())) {
            return true;
        }
        Map.Entry<LocalDate, LocalDate> covering = breaks.floorEntry(day);
        return covering != null && !day.isAfter(covering.getValue());
    }

    /** The first day after {@code day} that is not a break: the day a streak ending on {@code day} lapses without practice. */
    public LocalDate lapseDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (isBreak(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
