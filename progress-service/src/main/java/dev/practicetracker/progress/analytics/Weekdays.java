package dev.practicetracker.progress.analytics;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Weekdays as the API names them ({@code "monday"}) and as the database stores a set of them (bit {@code n − 1} for ISO day {@code n}). */
public final class Weekdays {

    private Weekdays() {
    }

    public static Set<DayOfWeek> of(int bits) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((bits & bit(day)) != 0) {
                days.add(day);
            }
        }
        return days;
    }

    public static int bits(Collection<DayOfWeek> days) {
        return days.stream().mapToInt(Weekdays::bit).reduce(0, (a, b) -> a | b);
    }

    private static int bit(DayOfWeek day) {
        return 1 << (day.getValue() - 1);
    }

    /** The API's name of a weekday. */
    public static String name(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    /** The weekday the API names so, or null for any other text. */
    public static DayOfWeek parse(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (name(day).equals(name)) {
                return day;
            }
        }
        return null;
    }

    /** In the week's order, Monday first. */
    public static List<String> names(Set<DayOfWeek> days) {
        return days.stream().sorted().map(Weekdays::name).toList();
    }
}
