package dev.practicetracker.platform.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Who is calling: the token's subject, and the zone their calendar days are counted in. */
public record Caller(UUID userId, ZoneId zone) {

    public LocalDate localDateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }
}
