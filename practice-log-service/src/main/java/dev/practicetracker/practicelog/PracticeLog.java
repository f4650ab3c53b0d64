package dev.practicetracker.practicelog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One practice session of a skill, as the user logged it. */
public class PracticeLog {

    public UUID id;

    public UUID userId;

    public UUID skillId;

    public Instant datePracticed;

    /** The calendar day of {@link #datePracticed} in the user's zone when logged; day-based analytics use it. */
    public LocalDate localDate;

    /** The zone {@link #localDate} was computed in. */
    public String zone;

    /** Minutes, 1–1440. */
    public int duration;

    public String description;

    public Integer difficultyRating;

    public Integer confidenceRating;

    public ActivityType activityType;

    public String milestoneId;

    /** Whether this practice completed the milestone it names (never true without one). */
    public boolean milestoneCompleted;

    public long version;

    public Instant createdAt;

    public Instant updatedAt;
}
