package dev.practicetracker.practicelog.mapping;

import java.time.Instant;
import java.util.UUID;

import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.platform.paging.PageCursor;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.practicelog.PracticeLog;

/** PracticeLog entity to and from its API and event shapes. */
public final class PracticeLogMapper {

    private PracticeLogMapper() {
    }

    public static PracticeLog newLog(UUID id, Caller caller, UUID skillId, LogFields fields, Instant now) {
        PracticeLog log = new PracticeLog();
        log.id = id;
        log.userId = caller.userId();
        log.skillId = skillId;
        log.createdAt = now;
        apply(fields, caller, log, now);
        return log;
    }

    public static LogFields fieldsOf(PracticeLog log) {
        return new LogFields(log.datePracticed, log.duration, log.description, log.difficultyRating, log.confidenceRating,
                log.activityType, log.milestoneId, log.milestoneCompleted);
    }

    /**
     * Writes the fields into the log as one change: {@code local_date} is the day of
     * {@code date_practiced} in the caller's zone whenever the date is (re)set.
     */
    public static void apply(LogFields fields, Caller caller, PracticeLog log, Instant now) {
        if (!fields.datePracticed().equals(log.datePracticed)) {
            log.datePracticed = fields.datePracticed();
            log.localDate = caller.localDateOf(fields.datePracticed());
            log.zone = caller.zone().getId();
        }
        log.duration = fields.duration();
        log.description = fields.description();
        log.difficultyRating = fields.difficultyRating();
        log.confidenceRating = fields.confidenceRating();
        log.activityType = fields.activityType();
        log.milestoneId = fields.milestoneId();
        log.milestoneCompleted = fields.milestoneCompleted();
        log.version++;
        log.updatedAt = now;
    }

    public static PageCursor cursorOf(PracticeLog log) {
        return new PageCursor(log.datePracticed, log.id);
    }

    public static PracticeLogResponse toResponse(PracticeLog log) {
        return new PracticeLogResponse(log.id, log.skillId, log.userId, log.datePracticed, log.localDate, log.duration,
                log.description, log.difficultyRating, log.confidenceRating, log.activityType, log.milestoneId,
                log.milestoneCompleted, log.version, log.createdAt, log.updatedAt);
    }

    public static PracticeLogData toEvent(PracticeLog log, boolean deleted) {
        return new PracticeLogData(log.id, log.userId, log.skillId, log.datePracticed, log.localDate, log.zone,
                log.duration, log.description, log.difficultyRating, log.confidenceRating, log.activityType.toString(),
                log.milestoneId, log.milestoneCompleted, log.version, log.createdAt, log.updatedAt, deleted);
    }
}
