package dev.practicetracker.events;

/** The CloudEvents {@code type} values of the contract; a breaking change is a new {@code .v2} type. */
public final class EventTypes {

    public static final String SKILL_CREATED = "skill.created.v1";
    public static final String SKILL_UPDATED = "skill.updated.v1";
    public static final String SKILL_DELETED = "skill.deleted.v1";
    public static final String MILESTONE_UPDATED = "milestone.updated.v1";

    public static final String PRACTICE_LOG_CREATED = "practice-log.created.v1";
    public static final String PRACTICE_LOG_UPDATED = "practice-log.updated.v1";
    public static final String PRACTICE_LOG_DELETED = "practice-log.deleted.v1";

    public static final String EVIDENCE_CREATED = "evidence.created.v1";
    /** Added beside the contract's two evidence types: a change of what an item says (additive, non-breaking). */
    public static final String EVIDENCE_UPDATED = "evidence.updated.v1";
    public static final String EVIDENCE_DELETED = "evidence.deleted.v1";

    public static final String USER_ERASED = "user.erased.v1";

    public static final String SKILL_PROGRESS_CHANGED = "skill-progress.changed.v1";
    public static final String LEVEL_REACHED = "level.reached.v1";
    public static final String STAGE_REACHED = "stage.reached.v1";
    public static final String GOAL_MET = "goal.met.v1";
    public static final String STREAK_ENDED = "streak.ended.v1";
    public static final String REMINDER_DUE = "reminder.due.v1";

    private EventTypes() {
    }
}
