package dev.practicetracker.skills.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.practicetracker.events.RoadmapData;

/** A skill's roadmap as API.md shows it: the document as stored, and the sum of its milestones' estimates. */
public record RoadmapResponse(@Schema(description = "beginner, intermediate, advanced, or null") String difficulty,
        List<RoadmapData.Level> levels, int totalEstimatedMinutes) {

    /** @return null for no roadmap */
    public static RoadmapResponse of(RoadmapData roadmap) {
        return roadmap == null ? null : new RoadmapResponse(roadmap.difficulty(), roadmap.levels(), roadmap.totalEstimatedMinutes());
    }
}
