package dev.practicetracker.practicelog.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import dev.practicetracker.platform.problem.ProblemException;

/**
 * Where a client's copy of its logs stands: the feed it follows and the number of the last change
 * it applied (0 for none: valid with any feed). Opaque to clients; base64url for the query string.
 */
record ChangeCursor(UUID feedId, long seq) {

    static final ChangeCursor START = new ChangeCursor(null, 0);

    private static final String SEPARATOR = ":";

    String encode() {
        String raw = seq == 0 ? "0" : feedId + SEPARATOR + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the cursor, or {@link #START} for none */
    static ChangeCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.equals("0")) {
                return START;
            }
            int separator = raw.indexOf(SEPARATOR);
            long seq = Long.parseLong(raw.substring(separator + 1));
            if (separator < 0 || seq <= 0) {
                throw new IllegalArgumentException("not a position: " + raw);
            }
            return new ChangeCursor(UUID.fromString(raw.substring(0, separator)), seq);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ProblemException.invalid("since", "is not a cursor of the change feed; pass a next_cursor, or nothing to start");
        }
    }
}
