package dev.practicetracker.practicelog.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.Violation;
import dev.practicetracker.practicelog.mapping.LogFields;

/** Reading the cells of other trackers' exports, the same way for each. */
final class ForeignCells {

    /** Daily totals (a Loop check-mark, a WakaTime day) are dated at midday of their day, or now if that is still to come. */
    private static final LocalTime MIDDAY = LocalTime.NOON;

    private ForeignCells() {
    }

    /** The value, or null with a violation of the row's field: {@code message} when unreadable, "is empty" when blank. */
    static <T> T parse(String text, Function<String, T> parser, int row, String field, String message, List<Violation> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new Violation(row, field, "is empty"));
            return null;
        }
        return ImportRow.parse(text, parser, row, field, message, problems);
    }

    /** The project a timed entry names (its skill), or null with a violation when the cell is empty. */
    static String project(String cell, int row, List<Violation> problems) {
        if (cell == null) {
            problems.add(new Violation(row, "Project", "is empty: the project names the skill to log"));
        }
        return cell;
    }

    /**
     * A timed entry of a time tracker (Toggl, Clockify) started at {@code day} and {@code time} in the
     * caller's zone, keyed by its user's email, its start and its project; null when a part of it
     * could not be read (its violation is already recorded).
     */
    static ForeignEntry timedEntry(String source, String tracker, int row, String email, String project, LocalDate day, LocalTime time,
            Long seconds, String text, ZoneId zone) {
        if (project == null || day == null || time == null || seconds == null) {
            return null;
        }
        return new ForeignEntry(row, key(source, email, day.atTime(time).toString(), project), project.strip(), "Project",
                day.atTime(time).atZone(zone).toInstant(), minutesOf(seconds), description(text, project, tracker));
    }

    /** Seconds of a clock-style duration, {@code H:MM:SS} or {@code H:MM} (hours may exceed 24). */
    static long secondsOfClock(String text) {
        String[] parts = text.split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("not a clock duration: " + text);
        }
        long hours = Long.parseLong(parts[0]);
        long minutes = Long.parseLong(parts[1]);
        long seconds = parts.length == 3 ? Long.parseLong(parts[2]) : 0;
        if (hours < 0 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
            throw new IllegalArgumentException("not a clock duration: " + text);
        }
        return Math.addExact(Math.multiplyExact(hours, 3600), minutes * 60 + seconds);
    }

    /** A timed entry's minutes: rounded, and at least one (the entry was practice, however short). */
    static int minutesOf(long seconds) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(seconds / 60.0)));
    }

    static Instant middayOf(LocalDate day, ZoneId zone, Instant now) {
        Instant midday = day.atTime(MIDDAY).atZone(zone).toInstant();
        return midday.isAfter(now) ? now : midday;
    }

    /**
     * The log's description: the entry's own text when it is long enough, else the text or the skill
     * with where it came from; cut to the longest description a log may have.
     */
    static String description(String text, String skill, String source) {
        String own = text == null ? "" : text.strip();
        String described = own.length() >= LogFields.MIN_DESCRIPTION ? own
                : (own.isEmpty() ? skill.strip() : own) + " (from " + source + ")";
        if (described.length() <= LogFields.MAX_DESCRIPTION) {
            return described;
        }
        int end = LogFields.MAX_DESCRIPTION;
        return described.substring(0, Character.isLowSurrogate(described.charAt(end)) ? end - 1 : end);
    }

    /** {@code source:part|part|...}, each part stripped and lower-cased (a blank one empty). */
    static String key(String source, String... parts) {
        StringBuilder key = new StringBuilder(source).append(':');
        for (int i = 0; i < parts.length; i++) {
            key.append(i == 0 ? "" : "|").append(parts[i] == null ? "" : parts[i].strip().toLowerCase(Locale.ROOT));
        }
        return key.toString();
    }

    static void throwIfAny(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }
}
