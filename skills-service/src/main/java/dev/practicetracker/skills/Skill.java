package dev.practicetracker.skills;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.practicetracker.events.RoadmapData;

/** A skill a user is learning: the root their practice logs, evidence and progress hang off. */
@Entity
@Table(name = "skills")
public class Skill {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    public String name;

    public String description;

    public String category;

    @Column(name = "target_hours")
    public Integer targetHours;

    /** {@code physical}, {@code abstract}, or null. */
    @Column(name = "skill_type")
    public String skillType;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags;

    @JdbcTypeCode(SqlTypes.JSON)
    public RoadmapData roadmap;

    /** The template it was adopted from, if any (the template may be gone since). */
    @Column(name = "template_slug")
    public String templateSlug;

    /** +1 per change; the ETag, and what consumers order events of this skill by. */
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
