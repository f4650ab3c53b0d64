package dev.practicetracker.practicelog;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** A live, timed practice session; a completed (or partial) one of at least a minute becomes a practice log. */
public record PracticeSession(UUID id, UUID userId, UUID skillId, Instant startedAt, Instant endedAt, Status status, UUID logId,
        long version) {

    public enum Status {
        ACTIVE, COMPLETED, PARTIAL, ABANDONED;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase();
        }

        public static Status of(String value) {
            return valueOf(value.toUpperCase());
        }
    }

    /** How the learner ended it. */
    public enum Completion {
        COMPLETED, PARTIAL, ABANDONED;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase();
        }

        public Status status() {
            return Status.valueOf(name());
        }

        public boolean becomesALog() {
            return this != ABANDONED;
        }
    }

    public PracticeSession ended(Status outcome, Instant at, UUID log) {
        return new PracticeSession(id, userId, skillId, startedAt, at, outcome, log, version + 1);
    }
}
