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
import dev.practicetracker.events.SkillData;
import dev.practicetracker.evidence.repository.EvidenceCascades;
import dev.practicetracker.evidence.repository.KnownTargets;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.platform.erasure.ErasedUsers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Keeps the skill projection current from skill events: a deleted skill takes its evidence, each item publishing {@code evidence.deleted.v1}. */
@ApplicationScoped
public class SkillEventsConsumer {

    record SkillChange(KnownTargets.KnownSkill skill, Instant at) {
    }

    private final EventBatchHandler handler;
    private final KnownTargets known;
    private final EvidenceCascades cascades;
    private final ErasedUsers erasedUsers;

    public SkillEventsConsumer(EventBatchHandler handler, KnownTargets known, EvidenceCascades cascades, ErasedUsers erasedUsers) {
        this.handler = handler;
        this.known = known;
        this.cascades = cascades;
        this.erasedUsers = erasedUsers;
    }

    @Incoming("skill-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, SkillEventsConsumer::decode, this::apply);
    }

    Uni<Void> apply(SqlConnection connection, List<SkillChange> batch) {
        List<SkillChange> changes = batch.stream().filter(Objects::nonNull).toList();
        return erasedUsers.withoutErased(connection, changes, change -> change.skill().userId(), SkillChange::at)
                .chain(live -> known.saveSkills(connection, live.stream().map(SkillChange::skill).toList())
                        .chain(() -> Multi.createFrom().iterable(live).filter(change -> change.skill().deleted())
                                .onItem().transformToUniAndConcatenate(change -> cascades.ofSkill(connection,
                                        change.skill().userId(), change.skill().id()))
                                .collect().last()))
                .replaceWithVoid();
    }

    /** A skill's new state, or null for an event evidence has no use for. */
    static SkillChange decode(ConsumerRecord<String, String> record) {
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
