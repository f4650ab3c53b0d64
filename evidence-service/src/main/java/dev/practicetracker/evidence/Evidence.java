package dev.practicetracker.evidence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.practicetracker.events.EvidenceData;

/** Proof of learning attached to a practice session or to a skill. */
@Entity
@Table(name = "evidence")
public class Evidence {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "skill_id")
    public UUID skillId;

    @Column(name = "practice_log_id")
    public UUID practiceLogId;

    /** {@code link}, {@code note} or {@code screenshot}. */
    public String type;

    public String url;

    public String text;

    /** Screenshot metadata only; the image itself is never stored here. */
    @JdbcTypeCode(SqlTypes.JSON)
    public EvidenceData.ScreenshotFile file;

    /** Where it sorts in its skill's chronology: its session's date, or its own creation. */
    @Column(name = "sort_at")
    public Instant sortAt;

    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
