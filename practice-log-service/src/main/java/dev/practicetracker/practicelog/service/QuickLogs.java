package dev.practicetracker.practicelog.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.practicelog.ActivityType;
import dev.practicetracker.practicelog.mapping.LogFields;
import dev.practicetracker.practicelog.mapping.QuickLogRequest;

/** One-tap logs: a preset (or a duration), dated now, described for the user when they did not. */
@ApplicationScoped
public class QuickLogs {

    private final Clock clock;

    public QuickLogs(Clock clock) {
        this.clock = clock;
    }

    public LogFields fieldsOf(QuickLogRequest request) {
        if (request.preset() != null && request.duration() != null) {
            throw ProblemException.invalid("preset", "give a preset or a duration, not both");
        }
        if (request.preset() == null && request.duration() == null) {
            throw ProblemException.invalid("preset", "must be 15m, 30m or 1h (or give a duration)");
        }
        int minutes = request.preset() != null ? request.preset().minutes : request.duration();
        String description = request.description() == null || request.description().isBlank()
                ? "Quick practice session (" + minutes + " min)" : request.description();
        return new LogFields(Timestamps.now(clock), minutes, description, null, null, ActivityType.PRACTICE, null, false);
    }
}
