package dev.practicetracker.practicelog.feed;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the change feed: apply its items in order, then ask again with {@code since=next_cursor}. */
public record ChangePage(
        @Schema(required = true) List<LogChange> items,
        @Schema(required = true, description = "resumes exactly after the last item (or where this page started, when it has none)") String nextCursor,
        @Schema(required = true, description = "whether more changes follow at once") boolean hasMore) {
}
