package dev.practicetracker.practicelog.feed;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.practicetracker.practicelog.mapping.PracticeLogResponse;

/** One change of the feed: {@code {"op":"upsert","log":{...}}} or {@code {"op":"delete","id","deleted_at"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "a log created or changed (op upsert: its whole current state in log), or deleted (op delete: its id and when)")
public record LogChange(
        @Schema(required = true, enumeration = { "upsert", "delete" }) String op,
        @Schema(description = "the log as it is now (upsert only)") PracticeLogResponse log,
        @Schema(description = "the deleted log's id (delete only)", format = "uuid") UUID id,
        @Schema(description = "when it was deleted (delete only)") Instant deletedAt) {

    static LogChange upsert(PracticeLogResponse log) {
        return new LogChange("upsert", log, null, null);
    }

    static LogChange delete(UUID id, Instant deletedAt) {
        return new LogChange("delete", null, id, deletedAt);
    }
}
