package dev.practicetracker.local;

import java.util.List;

/**
 * The four services: module, database, default port, the variable that overrides it, and the JVM
 * flags of its own (before the shared ones, so any of those wins).
 */
public enum Service {
    SKILLS("skills-service", "skills", 8081, "PT_SKILLS_PORT"),
    PRACTICE_LOG("practice-log-service", "practice_logs", 8082, "PT_PRACTICE_LOG_PORT"),
    EVIDENCE("evidence-service", "evidence", 8083, "PT_EVIDENCE_PORT"),
    /**
     * A young generation half the heap: a backlog's polled batches live a few hundred milliseconds,
     * longer than the default young generation of a small heap keeps them, and were promoted only to
     * fill the old one (a rebuild's collections took a quarter of it). Idle, the heap is still small.
     */
    PROGRESS("progress-service", "progress", 8084, "PT_PROGRESS_PORT", "-XX:NewRatio=1");

    public final String module;
    public final String database;
    public final int defaultPort;
    public final String portVariable;
    public final List<String> ownJvmOptions;

    Service(String module, String database, int defaultPort, String portVariable, String... ownJvmOptions) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
        this.ownJvmOptions = List.of(ownJvmOptions);
    }
}
