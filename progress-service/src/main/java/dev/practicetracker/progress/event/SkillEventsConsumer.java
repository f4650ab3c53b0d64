package dev.practicetracker.progress.event;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.IncomingEvent;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.progress.repository.KnownSkillRepository;
import io.smallrye.mutiny.Uni;

/** Keeps the skills projection (owner, name, target) current from {@code skill-events}. */
@ApplicationScoped
public class SkillEventsConsumer {

    private final EventBatchHandler handler;
    private final KnownSkillRepository skills;

    public SkillEventsConsumer(EventBatchHandler handler, KnownSkillRepository skills) {
        this.handler = handler;
        this.skills = skills;
    }

    @Incoming("skill-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, SkillEventsConsumer::decode,
                (connection, batch) -> skills.saveAll(connection, batch.stream().filter(Objects::nonNull).toList()));
    }

    /** A skill's new state, or null for an event progress has no use for yet. */
    static SkillData decode(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return switch (event.type()) {
            case EventTypes.SKILL_CREATED, EventTypes.SKILL_UPDATED, EventTypes.SKILL_DELETED ->
                event.data(SkillData.class).requireComplete();
            default -> null;
        };
    }
}
