package dev.practicetracker.local;

import java.util.List;

/**
 * The four services: module, database, default port, the variable that overrides it, and the JVM
 * flags of its own (before the shared ones, so any of those wins).
 */
public enum Service {
    SKILLS("skills-service", "skills", 8081, "PT_SKILLS_PORT", Service.FEWER_START_UP_COMPILES),
    PRACTICE_LOG("practice-log-service", "practice_logs", 8082, "PT_PRACTICE_LOG_PORT"),
    EVIDENCE("evidence-service", "evidence", 8083, "PT_EVIDENCE_PORT", Service.FEWER_START_UP_COMPILES),
    /**
     * A young generation half the heap, survivor spaces a quarter of it: a backlog's polled batches
     * live a few hundred milliseconds, longer than a small heap's default young generation keeps them,
     * and once promoted they fill the old generation and force full collections. Idle, the heap stays small.
     */
    PROGRESS("progress-service", "progress", 8084, "PT_PROGRESS_PORT", "-XX:NewRatio=1", "-XX:SurvivorRatio=2");

    /**
     * skills-service's and evidence-service's flag: they load Hibernate, thousands of classes more than
     * the other two. The JIT compiles a method only after ten times the default calls, so start-up code
     * stays interpreted instead of leaving profiled code behind (less memory at rest); a hot path still
     * compiles within its first seconds of load. (A constant, so the constants above may name it.)
     */
    private static final String FEWER_START_UP_COMPILES = "-XX:CompileThresholdScaling=10";

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
