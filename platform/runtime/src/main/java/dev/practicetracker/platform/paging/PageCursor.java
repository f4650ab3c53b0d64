package dev.practicetracker.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import dev.practicetracker.events.InstantText;
import dev.practicetracker.platform.problem.ProblemException;

/**
 * The opaque position after which the next page starts: the sort key and id of the last row shown.
 * Opaque to clients; base64url so it travels in a query string untouched.
 */
public record PageCursor(Instant position, UUID id) {

    private static final String SEPARATOR = "|";

    public String encode() {
        String raw = InstantText.format(position) + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the cursor, or null for the first page */
    public static PageCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = raw.indexOf(SEPARATOR);
            return new PageCursor(InstantText.parse(raw.substring(0, separator)), UUID.fromString(raw.substring(separator + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this service issued");
        }
    }
}
