package dev.practicetracker.progress.repository;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.practicetracker.events.PracticeLogData;

/** What progress needs of one practice log, at one version, and when that version was written. */
public record LogFact(UUID logId, UUID userId, UUID skillId, Instant datePracticed, LocalDate localDate, int minutes,
        Integer difficulty, Integer confidence, String milestoneId, long version, boolean deleted, Instant changedAt, int localHour,
        String activityType) {

    public static LogFact of(PracticeLogData log, boolean deleted, Instant changedAt) {
        return new LogFact(log.id(), log.userId(), log.skillId(), log.datePracticed(), log.localDate(), log.duration(),
                log.difficultyRating(), log.confidenceRating(), log.milestoneId(), log.version(), deleted, changedAt,
                log.datePracticed().atZone(zoneOf(log.zone())).getHour(), log.activityType());
    }

    /** The zone a log was written in; UTC for one that names none the JDK knows. */
    static ZoneId zoneOf(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /** The same log deleted, at a later version. */
    public LogFact deletedAt(long laterVersion, Instant at) {
        return new LogFact(logId, userId, skillId, datePracticed, localDate, minutes, difficulty, confidence, milestoneId, laterVersion,
                true, at, localHour, activityType);
    }
}
