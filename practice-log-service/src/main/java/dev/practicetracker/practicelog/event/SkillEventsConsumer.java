package dev.practicetracker.practicelog.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.IncomingEvent;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.platform.erasure.ErasedUsers;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.practicelog.PracticeLog;
import dev.practicetracker.practicelog.repository.KnownSkill;
import dev.practicetracker.practicelog.repository.KnownSkillRepository;
import dev.practicetracker.practicelog.repository.PracticeLogRepository;
import dev.practicetracker.practicelog.repository.PracticeSessionRepository;
import dev.practicetracker.practicelog.service.PracticeLogEvents;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Keeps the known-skills projection current from {@code skill-events}, and cascades a deleted
 * skill: its logs go, each publishing {@code practice-log.deleted.v1} (so evidence and progress
 * follow) and leaving its tombstone in the change feed, and its sessions go — in the same
 * transaction as the projection's tombstone.
 */
@ApplicationScoped
public class SkillEventsConsumer {

    /** A skill's new state, with the time of the change (for erased-user checks). */
    record SkillChange(KnownSkill skill, Instant at) {
    }

    private final EventBatchHandler handler;
    private final KnownSkillRepository knownSkills;
    private final PracticeLogRepository logs;
    private final PracticeSessionRepository sessions;
    private final ErasedUsers erasedUsers;
    private final Outbox outbox;
    private final Clock clock;

    public SkillEventsConsumer(EventBatchHandler handler, KnownSkillRepository knownSkills, PracticeLogRepository logs,
            PracticeSessionRepository sessions, ErasedUsers erasedUsers, Outbox outbox, Clock clock) {
        this.handler = handler;
        this.knownSkills = knownSkills;
        this.logs = logs;
        this.sessions = sessions;
        this.erasedUsers = erasedUsers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Incoming("skill-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, SkillEventsConsumer::decode, this::apply);
    }

    Uni<Void> apply(SqlConnection connection, List<SkillChange> batch) {
        List<SkillChange> changes = batch.stream().filter(change -> change != null).toList();
        return erasedUsers.withoutErased(connection, changes, change -> change.skill().userId(), SkillChange::at)
                .chain(live -> knownSkills.saveAll(connection, live.stream().map(SkillChange::skill).toList())
                        .chain(() -> Multi.createFrom().iterable(live).filter(change -> change.skill().deleted())
                                .onItem().transformToUniAndConcatenate(change -> cascadeDeletion(connection, change.skill()))
                                .collect().last()))
                .replaceWithVoid();
    }

    private Uni<Void> cascadeDeletion(SqlConnection connection, KnownSkill skill) {
        return logs.deleteOfSkill(connection, skill.userId(), skill.id(), clock.instant()).chain(deleted -> {
            List<OutboxMessage> events = new ArrayList<>(deleted.size());
            for (PracticeLog log : deleted) {
                events.add(PracticeLogEvents.deletedWithSkill(log));
            }
            return outbox.append(connection, events);
        }).chain(() -> sessions.deleteOfSkill(connection, skill.userId(), skill.id()));
    }

    /** A skill's new state, or null for an event this service has no use for. */
    static SkillChange decode(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return switch (event.type()) {
            case EventTypes.SKILL_CREATED, EventTypes.SKILL_UPDATED, EventTypes.SKILL_DELETED ->
                new SkillChange(KnownSkill.of(event.data(SkillData.class).requireComplete()), event.envelope().time());
            default -> null;
        };
    }
}
