package dev.practicetracker.events;

import java.util.List;

/**
 * Every event type of the contract with the topic it is published on and the record its
 * {@code data} is written from and read as. The AsyncAPI document ({@code asyncapi.yaml} beside
 * these classes) describes the same; a test holds the two together.
 */
public final class EventCatalog {

    /** One type of event. */
    public record Entry(String type, String topic, Class<? extends Record> data) {
    }

    public static final List<Entry> ALL = List.of(
            new Entry(EventTypes.SKILL_CREATED, Topics.SKILL_EVENTS, SkillData.class),
            new Entry(EventTypes.SKILL_UPDATED, Topics.SKILL_EVENTS, SkillData.class),
            new Entry(EventTypes.SKILL_DELETED, Topics.SKILL_EVENTS, SkillData.class),
            new Entry(EventTypes.MILESTONE_UPDATED, Topics.SKILL_EVENTS, MilestoneData.class),
            new Entry(EventTypes.PRACTICE_LOG_CREATED, Topics.PRACTICE_LOG_EVENTS, PracticeLogData.class),
            new Entry(EventTypes.PRACTICE_LOG_UPDATED, Topics.PRACTICE_LOG_EVENTS, PracticeLogData.class),
            new Entry(EventTypes.PRACTICE_LOG_DELETED, Topics.PRACTICE_LOG_EVENTS, PracticeLogData.class),
            new Entry(EventTypes.EVIDENCE_CREATED, Topics.EVIDENCE_EVENTS, EvidenceData.class),
            new Entry(EventTypes.EVIDENCE_UPDATED, Topics.EVIDENCE_EVENTS, EvidenceData.class),
            new Entry(EventTypes.EVIDENCE_DELETED, Topics.EVIDENCE_EVENTS, EvidenceData.class),
            new Entry(EventTypes.USER_ERASED, Topics.USER_EVENTS, UserErasedData.class),
            new Entry(EventTypes.SKILL_PROGRESS_CHANGED, Topics.PROGRESS_EVENTS, SkillProgressData.class),
            new Entry(EventTypes.LEVEL_REACHED, Topics.PROGRESS_EVENTS, LevelReachedData.class),
            new Entry(EventTypes.STAGE_REACHED, Topics.PROGRESS_EVENTS, StageReachedData.class),
            new Entry(EventTypes.GOAL_MET, Topics.PROGRESS_EVENTS, GoalMetData.class),
            new Entry(EventTypes.STREAK_ENDED, Topics.PROGRESS_EVENTS, StreakEndedData.class),
            new Entry(EventTypes.REMINDER_DUE, Topics.PROGRESS_EVENTS, ReminderDueData.class));

    private EventCatalog() {
    }
}
