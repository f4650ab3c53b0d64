package dev.practicetracker.practicelog.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.practicelog.PracticeLog;
import dev.practicetracker.practicelog.repository.PracticeLogRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Publishes every live log's current state again ({@code practice-log.created.v1}, same version), for
 * when the topic's retention has dropped old records and a projection (progress, evidence) must be
 * rebuilt. Consumers apply by version, so logs they already have are unchanged. Written to the
 * outbox a chunk per transaction, in id order; the relay publishes as it goes.
 */
@ApplicationScoped
public class Republisher {

    static final int CHUNK = 2000;

    private final PracticeLogRepository logs;
    private final Outbox outbox;

    public Republisher(PracticeLogRepository logs, Outbox outbox) {
        this.logs = logs;
        this.outbox = outbox;
    }

    /** @return how many logs were republished */
    public Uni<Long> republishAll() {
        // the nil UUID: PostgreSQL orders UUIDs as unsigned bytes, so it comes before every other
        return republishFrom(new UUID(0, 0), 0);
    }

    private Uni<Long> republishFrom(UUID after, long done) {
        return outbox.inTransaction(connection -> logs.chunkAfter(connection, after, CHUNK).chain(chunk -> {
            List<OutboxMessage> events = new ArrayList<>(chunk.size());
            for (PracticeLog log : chunk) {
                events.add(PracticeLogEvents.of(EventTypes.PRACTICE_LOG_CREATED, log, false));
            }
            return outbox.append(connection, events).replaceWith(chunk);
        })).chain(chunk -> {
            long total = done + chunk.size();
            if (chunk.size() < CHUNK) {
                Log.infof("republished %d practice logs", total);
                return Uni.createFrom().item(total);
            }
            return republishFrom(chunk.get(chunk.size() - 1).id, total);
        });
    }
}
