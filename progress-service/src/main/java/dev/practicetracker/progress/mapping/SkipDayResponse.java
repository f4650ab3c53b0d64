package dev.practicetracker.progress.mapping;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of the caller's planned breaks. */
public record SkipDayResponse(UUID id, LocalDate from, LocalDate to, @Schema(nullable = true) String reason) {
}
