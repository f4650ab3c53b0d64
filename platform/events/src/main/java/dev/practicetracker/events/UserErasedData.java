package dev.practicetracker.events;

import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code data} of {@code user.erased.v1}: every service deletes everything it holds of this user. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserErasedData(UUID userId) {

    public UserErasedData requireComplete() {
        if (userId == null) {
            throw new MalformedEventException("user.erased data lacks user_id");
        }
        return this;
    }
}
