package dev.practicetracker.progress.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.Topics;
import dev.practicetracker.progress.repository.ProjectionLock;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Drops the projection and replays it from the topics: the derived tables are emptied (goals,
 * which users wrote, erasure tombstones and what progress-events last said stay), then every consumer is rewound to the start of
 * its partitions. Events are applied by version, so the replay converges on exactly the state the
 * incremental consumption built — records already in flight during the reset included. When
 * retention has dropped old records, republish the logs first (practice-log-service).
 */
@ApplicationScoped
public class ProjectionRebuild {

    static final List<String> CHANNELS = List.of(Topics.PRACTICE_LOG_EVENTS, Topics.SKILL_EVENTS, Topics.USER_EVENTS);
    private static final String DROP = "truncate log_facts, skill_days, skills, skill_progress, user_progress, milestone_status,"
            + " stale_skills, stale_users, stale_marked";

    /** From now on, changes older than this are replays (see PublishedSkills). */
    private static final String STARTED = "insert into projection_rebuild (started_at) values (now())"
            + " on conflict (singleton) do update set started_at = excluded.started_at";

    private final Pool pool;
    private final ProjectionLock lock;
    private final KafkaClientService kafka;

    public ProjectionRebuild(Pool pool, ProjectionLock lock, KafkaClientService kafka) {
        this.pool = pool;
        this.lock = lock;
        this.kafka = kafka;
    }

    /**
     * Empties the projection as one of its writers, once it holds the writers' lock: a drain holds it
     * while its shards run on connections of their own, and a truncate queued for their tables would
     * make a shard's next statement wait behind it while the drain waits for the shard.
     */
    public Uni<Void> start() {
        Log.infof("rebuilding the progress projection from %s", CHANNELS);
        return pool.withTransaction(connection -> lock.lock(connection).chain(() -> connection.query(DROP).execute())
                        .chain(() -> connection.query(STARTED).execute()))
                .chain(() -> Multi.createFrom().iterable(CHANNELS)
                        .onItem().transformToUniAndConcatenate(this::rewind)
                        .collect().last())
                .replaceWithVoid();
    }

    /** Rewinds the channel's consumer, or each of its copies' (a channel with {@code concurrency}: {@code channel$1}, …). */
    private Uni<Void> rewind(String channel) {
        List<String> copies = kafka.getConsumerChannels().stream()
                .filter(name -> name.equals(channel) || name.startsWith(channel + "$")).sorted().toList();
        return Multi.createFrom().iterable(copies).onItem().transformToUniAndConcatenate(copy -> {
            KafkaConsumer<Object, Object> consumer = kafka.getConsumer(copy);
            return consumer.runOnPollingThread(polling -> {
                polling.seekToBeginning(polling.assignment());
                return polling.assignment().size();
            }).invoke(partitions -> Log.infof("%s rewound on %d partitions", copy, partitions));
        }).collect().last().replaceWithVoid();
    }
}
