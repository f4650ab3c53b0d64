package dev.practicetracker.platform.rest;

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
}
