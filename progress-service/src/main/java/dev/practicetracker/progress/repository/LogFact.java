package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.practicetracker.events.PracticeLogData;

/** What progress needs of one practice log, at one version, and when that version was written. */
public record LogFact(UUID logId, UUID userId, UUID skillId, Instant datePracticed, LocalDate localDate, int minutes,
        Integer difficulty, Integer confidence, String milestoneId, long version, boolean deleted, Instant changedAt) {

    public static LogFact of(PracticeLogData log, boolean deleted, Instant changedAt) {
        return new LogFact(log.id(), log.userId(), log.skillId(), log.datePracticed(), log.localDate(), log.duration(),
                log.difficultyRating(), log.confidenceRating(), log.milestoneId(), log.version(), deleted, changedAt);
    }
}
