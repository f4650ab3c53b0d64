package dev.practicetracker.local;

/** The four services: module, database, default port and the variable that overrides it. */
enum Service {
    SKILLS("skills-service", "skills", 8081, "PT_SKILLS_PORT", false),
    PRACTICE_LOG("practice-log-service", "practice_logs", 8082, "PT_PRACTICE_LOG_PORT", true),
    EVIDENCE("evidence-service", "evidence", 8083, "PT_EVIDENCE_PORT", false),
    PROGRESS("progress-service", "progress", 8084, "PT_PROGRESS_PORT", true);

    final String module;
    final String database;
    final int defaultPort;
    final String portVariable;
    /** Whether it asks the skills-service about skills too new for its projection. */
    final boolean asksSkillsService;

    Service(String module, String database, int defaultPort, String portVariable, boolean asksSkillsService) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
        this.asksSkillsService = asksSkillsService;
    }
}
