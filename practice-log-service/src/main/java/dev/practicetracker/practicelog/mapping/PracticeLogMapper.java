package dev.practicetracker.practicelog.mapping;

import java.time.Instant;
import java.util.UUID;

import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.practicelog.PracticeLog;

/** PracticeLog entity to and from its API and event shapes. */
public final class PracticeLogMapper {

    private PracticeLogMapper() {
    }

    public static PracticeLog newLog(Caller caller, CreatePracticeLogRequest request, Instant now) {
        PracticeLog log = new PracticeLog();
        log.id = UUID.randomUUID();
        log.userId = caller.userId();
        log.skillId = request.skillId();
        log.datePracticed = request.datePracticed();
        log.localDate = caller.localDateOf(request.datePracticed());
        log.zone = caller.zone().getId();
        log.duration = request.duration();
        log.description = request.description();
        log.difficultyRating = request.difficultyRating();
        log.confidenceRating = request.confidenceRating();
        log.activityType = request.activityType();
        log.milestoneId = request.milestoneId();
        log.version = 1;
        log.createdAt = now;
        log.updatedAt = now;
        return log;
    }

    public static PracticeLogResponse toResponse(PracticeLog log) {
        return new PracticeLogResponse(log.id, log.skillId, log.userId, log.datePracticed, log.localDate, log.duration,
                log.description, log.difficultyRating, log.confidenceRating, log.activityType, log.milestoneId,
                log.version, log.createdAt, log.updatedAt);
    }

    public static PracticeLogData toEvent(PracticeLog log, boolean deleted) {
        return new PracticeLogData(log.id, log.userId, log.skillId, log.datePracticed, log.localDate, log.zone,
                log.duration, log.description, log.difficultyRating, log.confidenceRating, log.activityType.toString(),
                log.milestoneId, log.version, log.createdAt, log.updatedAt, deleted);
    }
}
