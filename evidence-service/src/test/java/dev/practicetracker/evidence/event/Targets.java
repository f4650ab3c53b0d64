package dev.practicetracker.evidence.event;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import dev.practicetracker.events.UserErasedData;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.TestDatabase;

/** Skills and logs made known to the evidence-service the way production does it: by events on the broker. */
public final class Targets {

    private Targets() {
    }

    public static UUID skill(UUID user) {
        UUID skill = UUID.randomUUID();
        publishSkill(user, skill, 1, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from known_skills where id = ?", skill) == 1);
        return skill;
    }

    public static UUID log(UUID user, UUID skill, Instant practiced) {
        PracticeLogData log = logData(UUID.randomUUID(), user, skill, practiced, 1);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from known_logs where id = ?", log.id()) == 1);
        return log.id();
    }

    public static PracticeLogData logData(UUID id, UUID user, UUID skill, Instant practiced, long version) {
        return new PracticeLogData(id, user, skill, practiced, LocalDate.ofInstant(practiced, ZoneOffset.UTC), "UTC", 30,
                "practice", null, null, "practice", null, false, version, practiced, practiced, false);
    }

    public static void publishLog(String type, PracticeLogData log) {
        KafkaProbe.publish(Topics.PRACTICE_LOG_EVENTS, new EventEnvelope(UUID.randomUUID(), "/practice-log-service", type,
                log.id().toString(), Instant.now(), log.userId()), log);
    }

    public static void publishSkill(UUID user, UUID skill, long version, boolean deleted) {
        Instant now = Instant.now();
        KafkaProbe.publish(Topics.SKILL_EVENTS, new EventEnvelope(UUID.randomUUID(), "/skills-service",
                deleted ? EventTypes.SKILL_DELETED : EventTypes.SKILL_CREATED, skill.toString(), now, user),
                new SkillData(skill, user, "Skill " + skill, null, null, null, null, List.of(), null, null, version, now, now, deleted));
    }

    public static void publishErasure(UUID user) {
        KafkaProbe.publish(Topics.USER_EVENTS, new EventEnvelope(UUID.randomUUID(), "/skills-service", EventTypes.USER_ERASED,
                user.toString(), Instant.now(), user), new UserErasedData(user));
    }
}
