package dev.practicetracker.practicelog.event;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.UserErasure;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.platform.erasure.ErasedUsers;
import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.practicelog.repository.KnownSkillRepository;
import dev.practicetracker.practicelog.repository.PracticeLogRepository;
import dev.practicetracker.practicelog.repository.PracticeSessionRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * {@code user.erased.v1}: everything of the user here goes — logs, sessions, known skills, keyed
 * responses — and a tombstone (a hash of the id) stops late events from bringing any of it back.
 */
@ApplicationScoped
public class UserEventsConsumer {


    private final EventBatchHandler handler;
    private final PracticeLogRepository logs;
    private final PracticeSessionRepository sessions;
    private final KnownSkillRepository knownSkills;
    private final ErasedUsers erasedUsers;
    private final IdempotentCreates idempotentCreates;

    public UserEventsConsumer(EventBatchHandler handler, PracticeLogRepository logs, PracticeSessionRepository sessions,
            KnownSkillRepository knownSkills, ErasedUsers erasedUsers, IdempotentCreates idempotentCreates) {
        this.handler = handler;
        this.logs = logs;
        this.sessions = sessions;
        this.knownSkills = knownSkills;
        this.erasedUsers = erasedUsers;
        this.idempotentCreates = idempotentCreates;
    }

    @Incoming("user-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, UserErasure::of, this::erase);
    }

    Uni<Void> erase(SqlConnection connection, List<UserErasure> erasures) {
        return Multi.createFrom().iterable(erasures).filter(erasure -> erasure != null)
                .onItem().transformToUniAndConcatenate(erasure -> erasedUsers.record(connection, erasure.userId(), erasure.at())
                        .chain(() -> logs.deleteAllOf(connection, erasure.userId()))
                        .chain(() -> sessions.deleteAllOf(connection, erasure.userId()))
                        .chain(() -> knownSkills.deleteAllOf(connection, erasure.userId()))
                        .chain(() -> idempotentCreates.forget(connection, erasure.userId())))
                .collect().last().replaceWithVoid();
    }

}
