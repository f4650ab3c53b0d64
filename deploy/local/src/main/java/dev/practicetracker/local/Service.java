package dev.practicetracker.local;

/** The four services: module, database, default port and the variable that overrides it. */
public enum Service {
    SKILLS("skills-service", "skills", 8081, "PT_SKILLS_PORT"),
    PRACTICE_LOG("practice-log-service", "practice_logs", 8082, "PT_PRACTICE_LOG_PORT"),
    EVIDENCE("evidence-service", "evidence", 8083, "PT_EVIDENCE_PORT"),
    PROGRESS("progress-service", "progress", 8084, "PT_PROGRESS_PORT");

    public final String module;
    public final String database;
    public final int defaultPort;
    public final String portVariable;

    Service(String module, String database, int defaultPort, String portVariable) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
    }
}
