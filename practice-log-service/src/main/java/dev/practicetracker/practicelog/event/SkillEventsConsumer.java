package dev.practicetracker.practicelog.event;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.IncomingEvent;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.practicelog.repository.KnownSkill;
import dev.practicetracker.practicelog.repository.KnownSkillRepository;
import io.smallrye.mutiny.Uni;

/** Keeps the known-skills projection current from {@code skill-events}. */
@ApplicationScoped
public class SkillEventsConsumer {

    private final EventBatchHandler handler;
    private final KnownSkillRepository knownSkills;

    public SkillEventsConsumer(EventBatchHandler handler, KnownSkillRepository knownSkills) {
        this.handler = handler;
        this.knownSkills = knownSkills;
    }

    @Incoming("skill-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, SkillEventsConsumer::decode,
                (connection, skills) -> knownSkills.saveAll(connection, skills.stream().filter(Objects::nonNull).toList()));
    }

    /** A skill's new state, or null for an event this service has no use for. */
    static KnownSkill decode(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return switch (event.type()) {
            case EventTypes.SKILL_CREATED, EventTypes.SKILL_UPDATED, EventTypes.SKILL_DELETED ->
                KnownSkill.of(event.data(SkillData.class).requireComplete());
            default -> null;
        };
    }
}
