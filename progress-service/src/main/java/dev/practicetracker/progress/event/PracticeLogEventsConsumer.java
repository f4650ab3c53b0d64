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

import dev.practicetracker.events.PracticeLogChange;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.progress.repository.LogFact;
import dev.practicetracker.progress.repository.LogFactRepository;
import dev.practicetracker.progress.repository.ProgressRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Applies practice-log events to the log facts and recomputes the cached analytics of every skill
 * the batch touched, all in one transaction; offsets are committed only after it commits.
 */
@ApplicationScoped
public class PracticeLogEventsConsumer {

    private final EventBatchHandler handler;
    private final LogFactRepository facts;
    private final ProgressRepository progress;

    public PracticeLogEventsConsumer(EventBatchHandler handler, LogFactRepository facts, ProgressRepository progress) {
        this.handler = handler;
        this.facts = facts;
        this.progress = progress;
    }

    @Incoming("practice-log-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, PracticeLogEventsConsumer::decode, this::apply);
    }

    Uni<Void> apply(SqlConnection connection, List<LogFact> batch) {
        Map<UUID, Instant> asOfBySkill = new HashMap<>();
        for (LogFact fact : batch) {
            asOfBySkill.merge(fact.skillId(), fact.changedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return facts.saveAll(connection, batch).chain(() -> progress.recompute(connection, asOfBySkill));
    }

    static LogFact decode(ConsumerRecord<String, String> record) {
        PracticeLogChange change = PracticeLogChange.decode(record);
        return LogFact.of(change.log(), change.deleted(), change.changedAt());
    }
}
