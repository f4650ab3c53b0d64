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
     * A young generation half the heap: a backlog's polled batches live a few hundred milliseconds,
     * longer than the default young generation of a small heap keeps them, and were promoted only to
     * fill the old one (a rebuild's collections took a quarter of it). Survivor spaces a quarter of it
     * each instead of a tenth: the 20–30 MB of batches in flight at each young collection of a rebuild
     * overflowed them into the old generation, which then needed a full collection every 0.3 s
     * (bench P4: full collections 82–85 → 51 per run, their pauses ~3.5 → ~1.5 s). Idle, the heap is
     * still small.
     */
    PROGRESS("progress-service", "progress", 8084, "PT_PROGRESS_PORT", "-XX:NewRatio=1", "-XX:SurvivorRatio=2");

    /**
     * skills-service's and evidence-service's flag. The two write through Hibernate Reactive and load
     * ~4 300 classes more than the other two, ~35 MB of class metadata, symbols and JIT code. The JIT
     * compiles a method after ten times the default calls: start-up code, which runs a few hundred
     * times, stays interpreted instead of leaving ~9 MB of profiled C1 code and its profiles behind, and
     * a hot path still reaches the threshold within its first seconds of load. Idle RSS 209–210 →
     * 193–195 MB (bench P7). The price: medium-hot code reaches C2 later, so under a burst of imports
     * the two spend ~15 % (skills) and ~30 % (evidence) more CPU on the same events. (A constant, so
     * the constants above may name it before its declaration.)
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
