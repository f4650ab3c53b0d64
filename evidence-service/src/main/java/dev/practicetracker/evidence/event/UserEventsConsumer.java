package dev.practicetracker.evidence.event;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.UserErasure;
import dev.practicetracker.evidence.repository.EvidenceCascades;
import dev.practicetracker.evidence.repository.KnownTargets;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.platform.erasure.ErasedUsers;
import dev.practicetracker.platform.idempotency.IdempotentCreates;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Erases users: all their evidence goes (each item publishing {@code evidence.deleted.v1}), with what is known of their logs and skills. */
@ApplicationScoped
public class UserEventsConsumer {

    private final EventBatchHandler handler;
    private final KnownTargets known;
    private final EvidenceCascades cascades;
    private final ErasedUsers erasedUsers;
    private final IdempotentCreates idempotentCreates;

    public UserEventsConsumer(EventBatchHandler handler, KnownTargets known, EvidenceCascades cascades, ErasedUsers erasedUsers,
            IdempotentCreates idempotentCreates) {
        this.handler = handler;
        this.known = known;
        this.cascades = cascades;
        this.erasedUsers = erasedUsers;
        this.idempotentCreates = idempotentCreates;
    }

    @Incoming("user-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, UserErasure::of, this::erase);
    }

    Uni<Void> erase(SqlConnection connection, List<UserErasure> batch) {
        return Multi.createFrom().iterable(batch).filter(Objects::nonNull)
                .onItem().transformToUniAndConcatenate(erasure -> erasedUsers.record(connection, erasure.userId(), erasure.at())
                        .chain(() -> cascades.ofUser(connection, erasure.userId()))
                        .chain(() -> known.deleteAllOf(connection, erasure.userId()))
                        .chain(() -> idempotentCreates.forget(connection, erasure.userId())))
                .collect().last().replaceWithVoid();
    }
}
