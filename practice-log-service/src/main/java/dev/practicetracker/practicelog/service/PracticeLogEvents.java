package dev.practicetracker.practicelog.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.practicelog.PracticeLog;
import dev.practicetracker.practicelog.mapping.PracticeLogMapper;

/** The {@code practice-log.*.v1} events of this service's changes. */
public final class PracticeLogEvents {

    private PracticeLogEvents() {
    }

    public static OutboxMessage of(String type, PracticeLog log, boolean deleted) {
        return OutboxMessage.of(Topics.PRACTICE_LOG_EVENTS, type, log.id.toString(), log.userId, log.updatedAt,
                PracticeLogMapper.toEvent(log, deleted));
    }

    /** A log removed because its skill was: its last state, one version on. */
    public static OutboxMessage deletedWithSkill(PracticeLog log) {
        log.version++;
        log.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return of(EventTypes.PRACTICE_LOG_DELETED, log, true);
    }
}
