package dev.practicetracker.practicelog.transfer;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code {"imported": N}}; a dry run says how many rows would have been imported. An import from
 * another tracker also says how many of its entries were already here (or repeated in the file) and
 * which skills it created (a dry run: which it would create).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(
        int imported,
        @Schema(description = "a dry run: how many rows are valid and would be imported") Integer validRows,
        boolean dryRun,
        @Schema(description = "another tracker's entries already imported before (or repeated in the file), left as they are") Integer skipped,
        @Schema(description = "the skills the import created, by name (with create_skills=true)") List<String> skillsCreated,
        @Schema(description = "a dry run with create_skills=true: the skills the import would create") List<String> skillsToCreate) {

    static ImportResult imported(int rows) {
        return new ImportResult(rows, null, false, null, null, null);
    }

    static ImportResult validated(int rows) {
        return new ImportResult(0, rows, true, null, null, null);
    }

    static ImportResult importedFrom(int rows, int skipped, List<String> skillsCreated) {
        return new ImportResult(rows, null, false, skipped, skillsCreated, null);
    }

    static ImportResult validatedFrom(int rows, int skipped, List<String> skillsToCreate) {
        return new ImportResult(0, rows, true, skipped, List.of(), skillsToCreate);
    }
}
