package dev.practicetracker.practicelog.mapping;

import java.time.Instant;
import java.util.UUID;

import dev.practicetracker.practicelog.PracticeSession;

/** A live session as API.md shows it. */
public record SessionResponse(UUID id, UUID skillId, Instant startedAt, Instant endedAt, PracticeSession.Status status,
        UUID logId, long version) {

    public static SessionResponse of(PracticeSession session) {
        return new SessionResponse(session.id(), session.skillId(), session.startedAt(), session.endedAt(), session.status(),
                session.logId(), session.version());
    }
}
