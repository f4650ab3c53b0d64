package dev.practicetracker.skills;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a learner stands on one milestone: {@code not_started → in_progress → completed | failed},
 * and from {@code failed} back to {@code in_progress} for another attempt.
 */
public enum MilestoneStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED, FAILED;

    public boolean canMoveTo(MilestoneStatus next) {
        return next == this || allowedNext().contains(next);
    }

    private Set<MilestoneStatus> allowedNext() {
        return switch (this) {
            case NOT_STARTED -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, FAILED);
            case FAILED -> EnumSet.of(IN_PROGRESS);
            case COMPLETED -> EnumSet.noneOf(MilestoneStatus.class);
        };
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
