package dev.practicetracker.skills.event;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.PracticeLogChange;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.skills.repository.MilestoneLogRepository;
import io.smallrye.mutiny.Uni;

/** Feeds each milestone's {@code practice_minutes}, {@code practice_attempts} and {@code practice_completions} from practice-log events. */
@ApplicationScoped
public class PracticeLogEventsConsumer {

    private final EventBatchHandler handler;
    private final MilestoneLogRepository logs;

    public PracticeLogEventsConsumer(EventBatchHandler handler, MilestoneLogRepository logs) {
        this.handler = handler;
        this.logs = logs;
    }

    @Incoming("practice-log-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, PracticeLogChange::decode, logs::saveAll);
    }
}
