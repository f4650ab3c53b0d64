package dev.practicetracker.practicelog.transfer;

import java.time.Instant;

/**
 * One entry of another tracker's export, read: its row there (a data row of a CSV, a day of a
 * dump), its key there ({@code <source>:<natural key>}), the skill it names and the source's name
 * of that field, and the log it becomes.
 */
record ForeignEntry(int row, String key, String skillName, String skillField, Instant practiced, int minutes, String description) {
}
