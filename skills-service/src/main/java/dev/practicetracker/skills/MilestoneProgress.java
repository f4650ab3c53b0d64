package dev.practicetracker.skills;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A learner's progress on one milestone of a skill's roadmap. */
@Entity
@Table(name = "milestone_progress")
@IdClass(MilestoneProgress.Key.class)
public class MilestoneProgress {

    @Id
    @Column(name = "skill_id")
    public UUID skillId;

    @Id
    @Column(name = "milestone_id")
    public String milestoneId;

    @Column(name = "user_id")
    public UUID userId;

    @Convert(converter = MilestoneStatusConverter.class)
    public MilestoneStatus status;

    public String notes;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A milestone nobody has touched yet. */
    public static MilestoneProgress notStarted(UUID skillId, String milestoneId, UUID userId) {
        MilestoneProgress progress = new MilestoneProgress();
        progress.skillId = skillId;
        progress.milestoneId = milestoneId;
        progress.userId = userId;
        progress.status = MilestoneStatus.NOT_STARTED;
        progress.version = 0;
        return progress;
    }

    /**
     * Moves to {@code next}, stamping the transition: entering {@code in_progress} starts an attempt
     * (and clears an earlier completion), entering {@code completed} records when.
     */
    public void moveTo(MilestoneStatus next, Instant now) {
        if (next != status) {
            if (next == MilestoneStatus.IN_PROGRESS) {
                startedAt = now;
                completedAt = null;
            } else if (next == MilestoneStatus.COMPLETED) {
                completedAt = now;
            }
            status = next;
        }
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public UUID skillId;
        public String milestoneId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(skillId, key.skillId) && Objects.equals(milestoneId, key.milestoneId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(skillId, milestoneId);
        }
    }
}
