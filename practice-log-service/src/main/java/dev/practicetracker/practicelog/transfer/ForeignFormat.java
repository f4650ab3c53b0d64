package dev.practicetracker.practicelog.transfer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * How another tracker's export is read into entries, each keyed by its natural key there, or a 400
 * naming every row and field that cannot be read.
 */
interface ForeignFormat {

    /** What a reading depends on: the caller's zone (exports write local times), now, and a Loop check-mark's minutes. */
    record Context(ZoneId zone, Instant now, int defaultDuration) {
    }

    /** The source's names of the fields a log's rules check, to name them in the violations of its rows. */
    record Fields(String datePracticed, String duration, String description) {
    }

    Fields fields();

    /** @throws dev.practicetracker.platform.problem.ProblemException 400 with every unreadable row and field */
    List<ForeignEntry> read(String document, Context context);
}
