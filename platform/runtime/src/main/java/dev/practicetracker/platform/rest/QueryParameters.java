package dev.practicetracker.platform.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import dev.practicetracker.platform.problem.ProblemException;

/** Query parameters read by hand, so a malformed one is a 400 naming it (JAX-RS would answer 404). */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** @return the UUID, or null when absent */
    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    /** The dates the API takes: four-digit years, which every client and the database read alike. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    /** @return the date ({@code YYYY-MM-DD}, year 0001 to 9999), or null when absent */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return requireDate(name, LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date, YYYY-MM-DD");
        }
    }

    /** @return the date, if it is one of {@link #FIRST_DATE} to {@link #LAST_DATE} */
    public static LocalDate requireDate(String name, LocalDate date) {
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw ProblemException.invalid(name, "must be a date from 0001-01-01 to 9999-12-31");
        }
        return date;
    }
}
