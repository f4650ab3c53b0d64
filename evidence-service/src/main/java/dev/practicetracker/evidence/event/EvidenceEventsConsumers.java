package dev.practicetracker.evidence.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.IncomingEvent;
import dev.practicetracker.events.PracticeLogChange;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.events.UserErasure;
import dev.practicetracker.evidence.repository.EvidenceCascades;
import dev.practicetracker.evidence.repository.KnownTargets;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.platform.erasure.ErasedUsers;
import dev.practicetracker.platform.outbox.OutboxRelay;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps the skill and log projections current, and cascades: a deleted log or skill takes its
 * evidence, an erased user takes all of theirs — each removal publishing {@code evidence.deleted.v1}.
 */
@ApplicationScoped
public class EvidenceEventsConsumers {

    record SkillChange(KnownTargets.KnownSkill skill, Instant at) {
    }


    private final EventBatchHandler handler;
    private final KnownTargets known;
    private final EvidenceCascades cascades;
    private final ErasedUsers erasedUsers;
    private final OutboxRelay relay;

    public EvidenceEventsConsumers(EventBatchHandler handler, KnownTargets known, EvidenceCascades cascades, ErasedUsers erasedUsers,
            OutboxRelay relay) {
        this.handler = handler;
        this.known = known;
        this.cascades = cascades;
        this.erasedUsers = erasedUsers;
        this.relay = relay;
    }

    @Incoming("practice-log-events")
    public Uni<Void> logs(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, PracticeLogChange::decode, this::applyLogs).invoke(relay::wake);
    }

    @Incoming("skill-events")
    public Uni<Void> skills(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, EvidenceEventsConsumers::decodeSkill, this::applySkills).invoke(relay::wake);
    }

    @Incoming("user-events")
    public Uni<Void> users(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, UserErasure::of, this::erase).invoke(relay::wake);
    }

    Uni<Void> applyLogs(SqlConnection connection, List<PracticeLogChange> changes) {
        return erasedUsers.withoutErased(connection, changes, change -> change.log().userId(), PracticeLogChange::changedAt)
                .chain(live -> known.saveLogs(connection, live.stream().map(EvidenceEventsConsumers::knownLog).toList())
                        .chain(() -> cascades.ofLogs(connection, live.stream().filter(PracticeLogChange::deleted)
                                .map(change -> change.log().id()).toList()))
                        .chain(() -> cascades.moveToSessionDates(connection, live.stream().filter(change -> !change.deleted())
                                .map(change -> change.log().id()).distinct().toList())))
                .replaceWithVoid();
    }

    Uni<Void> applySkills(SqlConnection connection, List<SkillChange> batch) {
        List<SkillChange> changes = batch.stream().filter(Objects::nonNull).toList();
        return erasedUsers.withoutErased(connection, changes, change -> change.skill().userId(), SkillChange::at)
                .chain(live -> known.saveSkills(connection, live.stream().map(SkillChange::skill).toList())
                        .chain(() -> Multi.createFrom().iterable(live).filter(change -> change.skill().deleted())
                                .onItem().transformToUniAndConcatenate(change -> cascades.ofSkill(connection,
                                        change.skill().userId(), change.skill().id()))
                                .collect().last()))
                .replaceWithVoid();
    }

    Uni<Void> erase(SqlConnection connection, List<UserErasure> batch) {
        return Multi.createFrom().iterable(batch).filter(Objects::nonNull)
                .onItem().transformToUniAndConcatenate(erasure -> erasedUsers.record(connection, erasure.userId(), erasure.at())
                        .chain(() -> cascades.ofUser(connection, erasure.userId()))
                        .chain(() -> known.deleteAllOf(connection, erasure.userId()))
                        .chain(() -> connection.preparedQuery("delete from idempotency_keys where user_id = $1")
                                .execute(Tuple.of(erasure.userId())).replaceWithVoid()))
                .collect().last().replaceWithVoid();
    }

    private static KnownTargets.KnownLog knownLog(PracticeLogChange change) {
        PracticeLogData log = change.log();
        return new KnownTargets.KnownLog(log.id(), log.userId(), log.skillId(), log.datePracticed(), log.version(), change.deleted());
    }

    static SkillChange decodeSkill(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return switch (event.type()) {
            case EventTypes.SKILL_CREATED, EventTypes.SKILL_UPDATED, EventTypes.SKILL_DELETED -> {
                SkillData skill = event.data(SkillData.class).requireComplete();
                yield new SkillChange(new KnownTargets.KnownSkill(skill.id(), skill.userId(), skill.version(), skill.deleted()),
                        event.envelope().time());
            }
            default -> null;
        };
    }

}
