package dev.practicetracker.events;

import java.util.List;

/** The Kafka topics of the event contract (EVENTS.md). */
public final class Topics {

    public static final String SKILL_EVENTS = "skill-events";
    public static final String PRACTICE_LOG_EVENTS = "practice-log-events";
    public static final String EVIDENCE_EVENTS = "evidence-events";
    public static final String USER_EVENTS = "user-events";
    /** What progress-service derives from the others: figures, levels and stages reached. */
    public static final String PROGRESS_EVENTS = "progress-events";

    /** Every topic a producer publishes to; each also has its {@link #deadLetter(String)} companion. */
    public static final List<String> ALL = List.of(SKILL_EVENTS, PRACTICE_LOG_EVENTS, EVIDENCE_EVENTS, USER_EVENTS, PROGRESS_EVENTS);

    /** Partitions of each topic in the local stack and tests (production sets its own). */
    public static final int LOCAL_PARTITIONS = 6;

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
