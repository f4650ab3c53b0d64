package dev.practicetracker.progress.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of the caller's share links; {@code url} serves the SVG to anyone who has it, until the link is deleted. */
public record ShareLinkResponse(UUID id, @Schema(enumeration = { "badge", "calendar" }) String kind, @Schema(nullable = true) UUID skillId,
        @Schema(example = "/public/progress/3q2-7wEj1XW9G1o8mB4vjYk2bN0hS8dK4tPzQyRkL5c.svg") String url, Instant createdAt) {
}
