package dev.practicetracker.progress.mapping;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /progress/share-links}: {@code {"kind":"badge"}} or {@code {"kind":"calendar","skill_id":"..."}}. */
public record ShareLinkRequest(
        @NotNull @Pattern(regexp = KIND, message = "must be badge or calendar") @Schema(enumeration = { "badge", "calendar" }) String kind,
        @Schema(nullable = true, description = "the skill whose calendar is shared; only (and required) for kind calendar") UUID skillId) {

    public static final String KIND = "^(badge|calendar)$";
}
