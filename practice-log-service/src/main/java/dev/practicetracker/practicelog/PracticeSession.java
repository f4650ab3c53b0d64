package dev.practicetracker.practicelog;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.practicetracker.practicelog.mapping.LogFields;

/**
 * A live, timed practice session; a completed (or partial) one of at least a minute becomes a
 * practice log. Paused time is not practice time: {@code pausedFor} adds up the pauses that have
 * ended, {@code pausedAt} marks the one under way. {@code practisedMinutes} is set when it ends.
 */
public record PracticeSession(UUID id, UUID userId, UUID skillId, Instant startedAt, Instant endedAt, Status status, UUID logId,
        long version, Integer plannedMinutes, Instant pausedAt, Duration pausedFor, Integer practisedMinutes) {

    /** A session lasting longer than a log may is logged at the longest a log may be. */
    public static final int LONGEST_MINUTES = LogFields.MAX_DURATION;

    public enum Status {
        ACTIVE, PAUSED, COMPLETED, PARTIAL, ABANDONED;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase();
        }

        public static Status of(String value) {
            return valueOf(value.toUpperCase());
        }

        /** Active or paused: it may still be paused, resumed or ended. */
        public boolean isLive() {
            return this == ACTIVE || this == PAUSED;
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

        /** Seed 002's rule: practised ≥ planned is completed, more than half of it partial, anything less abandoned. */
        public static Completion of(int practisedMinutes, int plannedMinutes) {
            if (practisedMinutes >= plannedMinutes) {
                return COMPLETED;
            }
            return 2 * practisedMinutes > plannedMinutes ? PARTIAL : ABANDONED;
        }
    }

    /** A new active session. */
    public static PracticeSession started(UUID id, UUID userId, UUID skillId, Instant at, Integer plannedMinutes) {
        return new PracticeSession(id, userId, skillId, at, null, Status.ACTIVE, null, 1, plannedMinutes, null, Duration.ZERO, null);
    }

    /** Whole minutes practised from the start until {@code now}, pauses left out, at most {@link #LONGEST_MINUTES}. */
    public int practisedMinutesAt(Instant now) {
        Duration paused = pausedAt == null ? pausedFor : pausedFor.plus(Duration.between(pausedAt, now));
        long minutes = Duration.between(startedAt, now).minus(paused).toMinutes();
        return (int) Math.max(0, Math.min(minutes, LONGEST_MINUTES));
    }

    public PracticeSession paused(Instant at) {
        return new PracticeSession(id, userId, skillId, startedAt, null, Status.PAUSED, null, version + 1, plannedMinutes, at,
                pausedFor, null);
    }

    public PracticeSession resumed(Instant at) {
        return new PracticeSession(id, userId, skillId, startedAt, null, Status.ACTIVE, null, version + 1, plannedMinutes, null,
                pausedFor.plus(Duration.between(pausedAt, at)), null);
    }

    /** Ended at {@code at} (a pause under way ends with it), with what it became. */
    public PracticeSession ended(Status outcome, Instant at, UUID log) {
        Duration paused = pausedAt == null ? pausedFor : pausedFor.plus(Duration.between(pausedAt, at));
        return new PracticeSession(id, userId, skillId, startedAt, at, outcome, log, version + 1, plannedMinutes, null, paused,
                practisedMinutesAt(at));
    }
}
