package dev.practicetracker.progress.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.practicetracker.events.EventEnvelope;
import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.testing.KafkaProbe;

/** Publishes events as the producing services would, over the real broker. */
public final class ProgressEvents {

    private ProgressEvents() {
    }

    public static UUID publishSkill(UUID userId, String name) {
        UUID skillId = UUID.randomUUID();
        Instant now = Instant.now();
        SkillData skill = new SkillData(skillId, userId, name, null, null, null, List.of(), null, 1, now, now, false);
        KafkaProbe.publish(Topics.SKILL_EVENTS, envelope("/skills-service", EventTypes.SKILL_CREATED, skillId, userId), skill);
        return skillId;
    }

    public static PracticeLogData log(UUID userId, UUID skillId, Instant datePracticed, int minutes, long version) {
        return new PracticeLogData(UUID.randomUUID(), userId, skillId, datePracticed,
                LocalDate.ofInstant(datePracticed, ZoneOffset.UTC), "UTC", minutes, "Practice session", null, null,
                "practice", null, version, datePracticed, datePracticed, false);
    }

    public static PracticeLogData withVersion(PracticeLogData log, int minutes, long version) {
        return new PracticeLogData(log.id(), log.userId(), log.skillId(), log.datePracticed(), log.localDate(), log.zone(),
                minutes, log.description(), log.difficultyRating(), log.confidenceRating(), log.activityType(),
                log.milestoneId(), version, log.createdAt(), log.updatedAt(), log.deleted());
    }

    public static void publishLog(String type, PracticeLogData log) {
        KafkaProbe.publish(Topics.PRACTICE_LOG_EVENTS, envelope("/practice-log-service", type, log.id(), log.userId()), log);
    }

    private static EventEnvelope envelope(String source, String type, UUID subject, UUID userId) {
        return new EventEnvelope(UUID.randomUUID(), source, type, subject.toString(), Instant.now(), userId);
    }
}
