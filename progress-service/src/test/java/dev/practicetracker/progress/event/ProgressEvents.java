package dev.practicetracker.progress.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.events.EventEnvelope;
import dev.practicetracker.events.EventJson;
import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.MilestoneData;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.RoadmapData;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.events.UserErasedData;
import dev.practicetracker.testing.KafkaProbe;

/** Publishes events as the producing services would, over the real broker. */
public final class ProgressEvents {

    private ProgressEvents() {
    }

    public static UUID publishSkill(UUID userId, String name) {
        return publishSkill(userId, name, null);
    }

    public static UUID publishSkill(UUID userId, String name, Integer targetHours, String... milestoneIds) {
        UUID skillId = UUID.randomUUID();
        publishSkillState(skill(skillId, userId, name, targetHours, 1, false, milestoneIds));
        return skillId;
    }

    public static SkillData skill(UUID skillId, UUID userId, String name, Integer targetHours, long version, boolean deleted,
            String... milestoneIds) {
        Instant now = Instant.now();
        RoadmapData roadmap = milestoneIds.length == 0 ? null : new RoadmapData(null, List.of(new RoadmapData.Level(1, "Level 1", null,
                Arrays.stream(milestoneIds).map(id -> new RoadmapData.Milestone(id, id, null, null, 30)).toList())));
        return new SkillData(skillId, userId, name, null, null, targetHours, null, List.of(), roadmap, null, version, now, now, deleted);
    }

    public static void publishSkillState(SkillData skill) {
        String type = skill.deleted() ? EventTypes.SKILL_DELETED : skill.version() == 1 ? EventTypes.SKILL_CREATED : EventTypes.SKILL_UPDATED;
        KafkaProbe.publish(Topics.SKILL_EVENTS, envelope("/skills-service", type, skill.id().toString(), skill.userId()), skill);
    }

    public static void publishMilestone(UUID userId, UUID skillId, String milestoneId, String status, long version) {
        MilestoneData milestone = new MilestoneData(skillId, userId, milestoneId, status, null, null, null, 0, 0, version, Instant.now());
        KafkaProbe.publish(Topics.SKILL_EVENTS, envelope("/skills-service", EventTypes.MILESTONE_UPDATED,
                skillId + "/" + milestoneId, userId), milestone);
    }

    public static PracticeLogData log(UUID userId, UUID skillId, Instant datePracticed, int minutes, long version) {
        return log(userId, skillId, datePracticed, LocalDate.ofInstant(datePracticed, ZoneOffset.UTC), minutes, null, version);
    }

    public static PracticeLogData log(UUID userId, UUID skillId, Instant datePracticed, LocalDate localDate, int minutes,
            Integer difficulty, long version) {
        return new PracticeLogData(UUID.randomUUID(), userId, skillId, datePracticed, localDate, "UTC", minutes, "Practice session",
                difficulty, null, "practice", null, false, version, datePracticed, datePracticed, false);
    }

    public static PracticeLogData withVersion(PracticeLogData log, int minutes, long version) {
        return changed(log, minutes, version, false);
    }

    public static PracticeLogData changed(PracticeLogData log, int minutes, long version, boolean deleted) {
        return new PracticeLogData(log.id(), log.userId(), log.skillId(), log.datePracticed(), log.localDate(), log.zone(),
                minutes, log.description(), log.difficultyRating(), log.confidenceRating(), log.activityType(),
                log.milestoneId(), log.milestoneCompleted(), version, log.createdAt(), log.updatedAt(), deleted);
    }

    /** The log moved to another instant (and so, here in UTC, perhaps to another day), as a new version. */
    public static PracticeLogData movedTo(PracticeLogData log, Instant datePracticed, long version) {
        return new PracticeLogData(log.id(), log.userId(), log.skillId(), datePracticed, LocalDate.ofInstant(datePracticed, ZoneOffset.UTC),
                log.zone(), log.duration(), log.description(), log.difficultyRating(), log.confidenceRating(), log.activityType(),
                log.milestoneId(), log.milestoneCompleted(), version, log.createdAt(), log.updatedAt(), log.deleted());
    }

    public static void publishLog(String type, PracticeLogData log) {
        publishLogAt(type, log, Instant.now());
    }

    /** A log event whose change happened at {@code changedAt}: e.g. one written before an erasure but delivered after it. */
    public static void publishLogAt(String type, PracticeLogData log, Instant changedAt) {
        KafkaProbe.publish(Topics.PRACTICE_LOG_EVENTS, new EventEnvelope(UUID.randomUUID(), "/practice-log-service", type,
                log.id().toString(), changedAt, log.userId()), log);
    }

    /** A log event published by a relay inside the trace of the write (its {@code traceparent} header). */
    public static void publishLogInTrace(String type, PracticeLogData log, String traceParent) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/practice-log-service", type, log.id().toString(),
                Instant.now(), log.userId());
        Headers headers = envelope.toHeaders();
        headers.add("traceparent", traceParent.getBytes(StandardCharsets.UTF_8));
        KafkaProbe.send(new ProducerRecord<>(Topics.PRACTICE_LOG_EVENTS, null, envelope.key(), EventJson.write(log), headers));
    }

    /** A log event whose record carries the timestamp {@code publishedAt}: e.g. one published a while ago. */
    public static void publishLogRecordOf(String type, PracticeLogData log, Instant publishedAt) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/practice-log-service", type, log.id().toString(),
                publishedAt, log.userId());
        KafkaProbe.send(new ProducerRecord<>(Topics.PRACTICE_LOG_EVENTS, null, publishedAt.toEpochMilli(), envelope.key(),
                EventJson.write(log), envelope.toHeaders()));
    }

    public static void publishErasure(UUID userId) {
        KafkaProbe.publish(Topics.USER_EVENTS, envelope("/skills-service", EventTypes.USER_ERASED, userId.toString(), userId),
                new UserErasedData(userId));
    }

    private static EventEnvelope envelope(String source, String type, String subject, UUID userId) {
        return new EventEnvelope(UUID.randomUUID(), source, type, subject, Instant.now(), userId);
    }

    /** A field of a record's JSON value, as text ("null" for null). */
    public static String field(ConsumerRecord<String, String> record, String name) {
        try {
            return new ObjectMapper().readTree(record.value()).path(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + record.value(), e);
        }
    }

    /** The event id of a derived fact, as progress-service names it (a name-based UUID). */
    public static String factId(String fact) {
        return UUID.nameUUIDFromBytes(fact.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
