package dev.practicetracker.practicelog.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.IncomingEvent;
import dev.practicetracker.events.UserErasedData;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.platform.erasure.ErasedUsers;
import dev.practicetracker.practicelog.repository.KnownSkillRepository;
import dev.practicetracker.practicelog.repository.PracticeLogRepository;
import dev.practicetracker.practicelog.repository.PracticeSessionRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code user.erased.v1}: everything of the user here goes — logs, sessions, known skills, keyed
 * responses — and a tombstone (a hash of the id) stops late events from bringing any of it back.
 */
@ApplicationScoped
public class UserEventsConsumer {

    record Erasure(UUID userId, Instant at) {
    }

    private final EventBatchHandler handler;
    private final PracticeLogRepository logs;
    private final PracticeSessionRepository sessions;
    private final KnownSkillRepository knownSkills;
    private final ErasedUsers erasedUsers;

    public UserEventsConsumer(EventBatchHandler handler, PracticeLogRepository logs, PracticeSessionRepository sessions,
            KnownSkillRepository knownSkills, ErasedUsers erasedUsers) {
        this.handler = handler;
        this.logs = logs;
        this.sessions = sessions;
        this.knownSkills = knownSkills;
        this.erasedUsers = erasedUsers;
    }

    @Incoming("user-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, UserEventsConsumer::decode, this::erase);
    }

    Uni<Void> erase(SqlConnection connection, List<Erasure> erasures) {
        return Multi.createFrom().iterable(erasures).filter(erasure -> erasure != null)
                .onItem().transformToUniAndConcatenate(erasure -> erasedUsers.record(connection, erasure.userId(), erasure.at())
                        .chain(() -> logs.deleteAllOf(connection, erasure.userId()))
                        .chain(() -> sessions.deleteAllOf(connection, erasure.userId()))
                        .chain(() -> knownSkills.deleteAllOf(connection, erasure.userId()))
                        .chain(() -> connection.preparedQuery("delete from idempotency_keys where user_id = $1")
                                .execute(Tuple.of(erasure.userId())).replaceWithVoid()))
                .collect().last().replaceWithVoid();
    }

    static Erasure decode(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return EventTypes.USER_ERASED.equals(event.type())
                ? new Erasure(event.data(UserErasedData.class).requireComplete().userId(), event.envelope().time())
                : null;
    }
}
