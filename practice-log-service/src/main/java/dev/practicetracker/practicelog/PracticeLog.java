package dev.practicetracker.practicelog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One practice session of a skill, as the user logged it. */
@Entity
@Table(name = "practice_logs")
public class PracticeLog {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "skill_id")
    public UUID skillId;

    @Column(name = "date_practiced")
    public Instant datePracticed;

    /** The calendar day of {@link #datePracticed} in the user's zone when logged; day-based analytics use it. */
    @Column(name = "local_date")
    public LocalDate localDate;

    public String zone;

    /** Minutes, 1–1440. */
    public int duration;

    public String description;

    @Column(name = "difficulty_rating")
    public Integer difficultyRating;

    @Column(name = "confidence_rating")
    public Integer confidenceRating;

    @Enumerated(EnumType.STRING)
    @Column(name = "activity_type")
    public ActivityType activityType;

    @Column(name = "milestone_id")
    public String milestoneId;

    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
