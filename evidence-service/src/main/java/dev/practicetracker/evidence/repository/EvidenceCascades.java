package dev.practicetracker.evidence.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.EventJson;
import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.EvidenceData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Evidence that goes with what it was attached to — a deleted log, a deleted skill, an erased user
 * — deleted in the consumer's transaction, each item publishing {@code evidence.deleted.v1} with
 * its last state.
 */
@ApplicationScoped
public class EvidenceCascades {

    private static final String RETURNING = " returning id, user_id, skill_id, practice_log_id, type, url, text, file::text as file,"
            + " version, created_at";

    private final Outbox outbox;

    public EvidenceCascades(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> ofLogs(SqlClient client, Collection<UUID> logIds) {
        return deleteAndPublish(client, "delete from evidence where practice_log_id = any($1)", Tuple.of(logIds.toArray(UUID[]::new)));
    }

    public Uni<Void> ofSkill(SqlClient client, UUID userId, UUID skillId) {
        return deleteAndPublish(client, "delete from evidence where skill_id = $1 and user_id = $2", Tuple.of(skillId, userId));
    }

    public Uni<Void> ofUser(SqlClient client, UUID userId) {
        return deleteAndPublish(client, "delete from evidence where user_id = $1", Tuple.of(userId));
    }

    /**
     * Keeps the evidence of these sessions sorted under each session's date as the log projection now
     * has it: one statement for a whole batch, and always the newest version's date, also when a
     * batch carries an older version after a newer one.
     */
    public Uni<Void> moveToSessionDates(SqlClient client, List<UUID> logIds) {
        if (logIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("""
                update evidence e set sort_at = k.date_practiced from known_logs k
                 where k.id = any($1) and e.practice_log_id = k.id and not k.deleted and e.sort_at <> k.date_practiced""")
                .execute(Tuple.of(logIds.toArray(UUID[]::new))).replaceWithVoid();
    }

    private Uni<Void> deleteAndPublish(SqlClient client, String delete, Tuple parameters) {
        return client.preparedQuery(delete + RETURNING).execute(parameters).chain(rows -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<OutboxMessage> events = new ArrayList<>(rows.size());
            for (Row row : rows) {
                EvidenceData last = lastState(row, now);
                events.add(OutboxMessage.of(Topics.EVIDENCE_EVENTS, EventTypes.EVIDENCE_DELETED, last.id().toString(), last.userId(),
                        now, last));
            }
            return outbox.append(client, events);
        });
    }

    private static EvidenceData lastState(Row row, Instant now) {
        String file = row.getString("file");
        return new EvidenceData(row.getUUID("id"), row.getUUID("user_id"), row.getUUID("skill_id"), row.getUUID("practice_log_id"),
                row.getString("type"), row.getString("url"), row.getString("text"),
                file == null ? null : EventJson.read(file, EvidenceData.ScreenshotFile.class), row.getLong("version") + 1,
                instant(row.getOffsetDateTime("created_at")), now, true);
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }

}
