package dev.practicetracker.evidence.event;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.PracticeLogChange;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.evidence.repository.EvidenceCascades;
import dev.practicetracker.evidence.repository.KnownTargets;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.platform.erasure.ErasedUsers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Keeps the log projection current from practice-log events: a deleted log takes its evidence (each
 * item publishing {@code evidence.deleted.v1}), a log whose date changed moves its evidence to it.
 */
@ApplicationScoped
public class PracticeLogEventsConsumer {

    private final EventBatchHandler handler;
    private final KnownTargets known;
    private final EvidenceCascades cascades;
    private final ErasedUsers erasedUsers;

    public PracticeLogEventsConsumer(EventBatchHandler handler, KnownTargets known, EvidenceCascades cascades, ErasedUsers erasedUsers) {
        this.handler = handler;
        this.known = known;
        this.cascades = cascades;
        this.erasedUsers = erasedUsers;
    }

    @Incoming("practice-log-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, PracticeLogChange::decode, this::apply);
    }

    Uni<Void> apply(SqlConnection connection, List<PracticeLogChange> changes) {
        return erasedUsers.withoutErased(connection, changes, change -> change.log().userId(), PracticeLogChange::changedAt)
                .chain(live -> known.saveLogs(connection, live.stream().map(PracticeLogEventsConsumer::knownLog).toList())
                        .chain(() -> cascades.ofLogs(connection, live.stream().filter(PracticeLogChange::deleted)
                                .map(change -> change.log().id()).toList()))
                        .chain(() -> cascades.moveToSessionDates(connection, live.stream().filter(change -> !change.deleted())
                                .map(change -> change.log().id()).distinct().toList())))
                .replaceWithVoid();
    }

    private static KnownTargets.KnownLog knownLog(PracticeLogChange change) {
        PracticeLogData log = change.log();
        return new KnownTargets.KnownLog(log.id(), log.userId(), log.skillId(), log.datePracticed(), log.version(), change.deleted());
    }
}
