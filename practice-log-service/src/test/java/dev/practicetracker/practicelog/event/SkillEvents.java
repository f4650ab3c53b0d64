package dev.practicetracker.practicelog.event;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.practicetracker.events.EventEnvelope;
import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.RoadmapData;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.TestDatabase;

/** Publishes skill events as the skills-service would, over the real broker. */
public final class SkillEvents {

    private SkillEvents() {
    }

    /** A new skill of the user, with a roadmap holding these milestones; returns once it is known here. */
    public static UUID skillKnownToService(UUID userId, String... milestoneIds) {
        UUID skillId = UUID.randomUUID();
        publish(EventTypes.SKILL_CREATED, skill(skillId, userId, 1, false, milestoneIds));
        awaitVersion(skillId, 1);
        return skillId;
    }

    /** A new skill of the user with this name; returns once it is known here. */
    public static UUID namedSkillKnownToService(UUID userId, String name) {
        SkillData skill = skill(UUID.randomUUID(), userId, 1, false);
        publish(EventTypes.SKILL_CREATED, new SkillData(skill.id(), userId, name, null, null, null, null, List.of(), skill.roadmap(), null, 1,
                skill.createdAt(), skill.updatedAt(), false));
        awaitVersion(skill.id(), 1);
        return skill.id();
    }

    public static SkillData skill(UUID skillId, UUID userId, long version, boolean deleted, String... milestoneIds) {
        List<RoadmapData.Milestone> milestones = Arrays.stream(milestoneIds)
                .map(id -> new RoadmapData.Milestone(id, "Milestone " + id, null, null, 30)).toList();
        RoadmapData roadmap = new RoadmapData(null, List.of(new RoadmapData.Level(1, "Basics", null, milestones)));
        Instant now = Instant.now();
        return new SkillData(skillId, userId, "Skill " + skillId, null, null, null, null, List.of(), roadmap, null, version, now, now, deleted);
    }

    public static void publish(String type, SkillData skill) {
        KafkaProbe.publish(Topics.SKILL_EVENTS,
                new EventEnvelope(UUID.randomUUID(), "/skills-service", type, skill.id().toString(), Instant.now(), skill.userId()),
                skill);
    }

    public static void awaitVersion(UUID skillId, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from known_skills where id = ? and version = ?", skillId, version) == 1);
    }
}
