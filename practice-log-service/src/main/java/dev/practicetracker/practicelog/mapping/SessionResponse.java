package dev.practicetracker.practicelog.mapping;

import java.time.Instant;
import java.util.UUID;

import dev.practicetracker.platform.paging.PageCursor;
import dev.practicetracker.practicelog.PracticeSession;

/**
 * A live session as API.md shows it: {@code paused_at} while paused, {@code paused_minutes} the
 * pauses that have ended, {@code practised_minutes} once ended.
 */
public record SessionResponse(UUID id, UUID skillId, Instant startedAt, Instant endedAt, PracticeSession.Status status,
        UUID logId, long version, Integer plannedMinutes, Instant pausedAt, long pausedMinutes, Integer practisedMinutes) {

    public static SessionResponse of(PracticeSession session) {
        return new SessionResponse(session.id(), session.skillId(), session.startedAt(), session.endedAt(), session.status(),
                session.logId(), session.version(), session.plannedMinutes(), session.pausedAt(), session.pausedFor().toMinutes(),
                session.practisedMinutes());
    }

    /** Where the next page starts after this session. */
    public static PageCursor cursorOf(PracticeSession session) {
        return new PageCursor(session.startedAt(), session.id());
    }
}
