package dev.practicetracker.progress.event;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.UserErasure;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.platform.erasure.ErasedUsers;
import dev.practicetracker.progress.repository.ErasureRepository;
import dev.practicetracker.progress.repository.ProjectionLock;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Erases users: everything of theirs from before the erasure goes, and a tombstone keeps late events out. Writes alone. */
@ApplicationScoped
public class UserEventsConsumer {

    private final EventBatchHandler handler;
    private final ErasureRepository erasure;
    private final ProjectionLock lock;
    private final ErasedUsers erasedUsers;

    public UserEventsConsumer(EventBatchHandler handler, ErasureRepository erasure, ProjectionLock lock, ErasedUsers erasedUsers) {
        this.handler = handler;
        this.erasure = erasure;
        this.lock = lock;
        this.erasedUsers = erasedUsers;
    }

    @Incoming("user-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, UserErasure::of, this::erase);
    }

    Uni<Void> erase(SqlConnection connection, List<UserErasure> batch) {
        return lock.lock(connection).chain(() -> Multi.createFrom().iterable(batch).filter(Objects::nonNull)
                .onItem().transformToUniAndConcatenate(erased -> erasedUsers.record(connection, erased.userId(), erased.at())
                        .chain(() -> erasure.forgetUser(connection, erased.userId(), erased.at())))
                .collect().last().replaceWithVoid());
    }
}
