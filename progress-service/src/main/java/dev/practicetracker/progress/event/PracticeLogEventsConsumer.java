package dev.practicetracker.progress.event;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.IncomingEvent;
import dev.practicetracker.events.MalformedEventException;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.progress.repository.LogFact;
import dev.practicetracker.progress.repository.LogFactRepository;
import dev.practicetracker.progress.repository.ProgressRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Applies practice-log events to the log facts and recomputes the cached analytics of every skill
 * the batch touched, all in one transaction; offsets are committed only after it commits.
 */
@ApplicationScoped
public class PracticeLogEventsConsumer {

    private final EventBatchHandler handler;
    private final LogFactRepository facts;
    private final ProgressRepository progress;
    private final Pool pool;

    public PracticeLogEventsConsumer(EventBatchHandler handler, LogFactRepository facts, ProgressRepository progress, Pool pool) {
        this.handler = handler;
        this.facts = facts;
        this.progress = progress;
        this.pool = pool;
    }

    @Incoming("practice-log-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handle(records, PracticeLogEventsConsumer::decode, this::apply);
    }

    Uni<Void> apply(List<LogFact> batch) {
        Map<UUID, Instant> asOfBySkill = new HashMap<>();
        for (LogFact fact : batch) {
            asOfBySkill.merge(fact.skillId(), fact.changedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return pool.withTransaction(connection -> facts.saveAll(connection, batch)
                .chain(() -> progress.recompute(connection, asOfBySkill)));
    }

    static LogFact decode(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        boolean deleted = switch (event.type()) {
            case EventTypes.PRACTICE_LOG_CREATED, EventTypes.PRACTICE_LOG_UPDATED -> false;
            case EventTypes.PRACTICE_LOG_DELETED -> true;
            default -> throw new MalformedEventException("unknown type " + event.type() + " on practice-log-events");
        };
        return LogFact.of(event.data(PracticeLogData.class).requireComplete(), deleted, event.envelope().time());
    }
}
