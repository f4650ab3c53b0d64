package dev.practicetracker.practicelog.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.practicetracker.platform.paging.PageCursor;
import dev.practicetracker.platform.problem.Violations;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.practicelog.HistoryQuery;

/**
 * The history filters of API.md: {@code skill_id}, and {@code from} / {@code to} as dates
 * (the caller's calendar days) or instants, both inclusive.
 */
public final class HistoryFilter {

    private HistoryFilter() {
    }

    /** @throws dev.practicetracker.platform.problem.ProblemException 400 naming each unreadable filter */
    public static HistoryQuery of(Caller caller, String skillId, String from, String to, String cursor) {
        Violations violations = new Violations();
        UUID skill = null;
        if (skillId != null && !skillId.isBlank()) {
            try {
                skill = UUID.fromString(skillId.strip());
            } catch (IllegalArgumentException e) {
                violations.add("skill_id", "must be a UUID");
            }
        }
        Instant start = bound(caller, from, false, "from", violations);
        Instant until = bound(caller, to, true, "to", violations);
        if (start != null && until != null && !start.isBefore(until)) {
            violations.add("from", "must not be after to");
        }
        violations.throwIfAny();
        return new HistoryQuery(caller.userId(), skill, start, until, PageCursor.decode(cursor));
    }

    /** The first instant of {@code from}, or the first instant after {@code to} (so both ends are inclusive). */
    private static Instant bound(Caller caller, String text, boolean upper, String field, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (upper ? day.plusDays(1) : day).atStartOfDay(caller.zone()).toInstant();
            }
            Instant instant = Instant.parse(value);
            return upper ? instant.plus(1, ChronoUnit.MICROS) : instant;
        } catch (DateTimeParseException e) {
            violations.add(field, "must be a date (YYYY-MM-DD) or an ISO-8601 instant with offset");
            return null;
        }
    }
}
