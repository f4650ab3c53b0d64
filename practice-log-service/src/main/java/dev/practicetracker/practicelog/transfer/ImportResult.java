package dev.practicetracker.practicelog.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {"imported": N}}; a dry run says how many rows would have been imported. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(int imported, Integer validRows, boolean dryRun) {

    static ImportResult imported(int rows) {
        return new ImportResult(rows, null, false);
    }

    static ImportResult validated(int rows) {
        return new ImportResult(0, rows, true);
    }
}
