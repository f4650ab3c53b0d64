package dev.practicetracker.practicelog.mapping;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /practice-sessions}. */
public record StartSessionRequest(@NotNull UUID skillId) {
}
