package dev.practicetracker.skills;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.practicetracker.events.RoadmapData;

/**
 * A practice template of the catalogue (a practice mode): what a skill adopted from it starts with.
 * Admins manage the catalogue; users see the active templates and adopt them.
 */
@Entity
@Table(name = "templates")
public class Template {

    @Id
    public String slug;

    public String name;

    public String tagline;

    public String description;

    /** {@code physical}, {@code abstract}, or null. */
    @Column(name = "skill_type")
    public String skillType;

    @JdbcTypeCode(SqlTypes.JSON)
    public RoadmapData roadmap;

    /** As a JSON object: Hibernate Reactive maps a JSON column to an object, never to a top-level array. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Tags tags;

    @Column(name = "display_order")
    public int displayOrder;

    @Column(name = "is_active")
    public boolean active;

    /** Skills adopted from it, ever (deleting such a skill does not lower it). */
    public long adoptions;

    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The template's tags, as stored. */
    public record Tags(List<TemplateTag> items) {

        public Tags {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public List<TemplateTag> tagList() {
        return tags == null ? List.of() : tags.items();
    }
}
