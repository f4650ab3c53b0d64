package dev.practicetracker.progress.mapping;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /progress/skip-days}: a planned break, every day from {@code from} to {@code to} (at most 366 days). */
public record SkipDayRequest(
        @NotNull @Schema(example = "2026-12-20") LocalDate from,
        @NotNull @Schema(example = "2026-12-27") LocalDate to,
        @Size(max = MAX_REASON) @Pattern(regexp = ONE_LINE, message = "must be one line of text, without control characters")
        @Schema(example = "Holidays", nullable = true) String reason) {

    public static final int MAX_REASON = 200;
    public static final int MAX_DAYS = 366;
    /** Text without control characters (PostgreSQL's text cannot hold NUL; a reason is one line). */
    public static final String ONE_LINE = "^[^\\x00-\\x1F\\x7F]*$";
}
