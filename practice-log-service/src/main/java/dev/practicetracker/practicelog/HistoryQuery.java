package dev.practicetracker.practicelog;

import java.time.Instant;
import java.util.UUID;

import dev.practicetracker.platform.paging.PageCursor;

/**
 * Which of a user's logs (or live sessions), newest first: optionally one skill's, practised (or
 * started) in {@code [from, until)}, after a page cursor.
 */
public record HistoryQuery(UUID userId, UUID skillId, Instant from, Instant until, PageCursor after) {
}
