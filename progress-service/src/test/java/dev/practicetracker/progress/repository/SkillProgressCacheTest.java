package dev.practicetracker.progress.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.practicetracker.progress.analytics.PracticeHistory;
import dev.practicetracker.progress.analytics.StreakRules;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/** What the cache keeps, and what it must not: a load that a change or a lost listener overlapped. */
class SkillProgressCacheTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final SkillProgressCache cache = new SkillProgressCache(1_000);
    private final UUID skill = UUID.randomUUID();
    private final AtomicInteger loads = new AtomicInteger();
    private final Function<UUID, Uni<StoredSkillProgress>> database = id -> Uni.createFrom().item(() -> {
        loads.incrementAndGet();
        return stored(id, "read " + loads.get());
    });

    @Test
    void aSkillReadAgainUnchangedIsNotLoadedAgain() {
        cache.startedListening();

        assertThat(read()).isEqualTo("read 1");
        assertThat(read()).isEqualTo("read 1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aNotifiedChangeIsLoadedAgain() {
        cache.startedListening();
        read();

        cache.changed(UUID.randomUUID() + "," + skill);

        assertThat(read()).isEqualTo("read 2");
    }

    @Test
    void everySkillChangedDropsEverySkill() {
        cache.startedListening();
        read();

        cache.changed(SkillProgressCache.EVERY_SKILL);

        assertThat(read()).isEqualTo("read 2");
    }

    @Test
    void aLoadThatAChangeOverlappedIsNotKept() {
        cache.startedListening();
        UniEmitter<? super StoredSkillProgress>[] pending = pendingLoad();

        // the change commits and is notified while the load still reads the rows from before it
        cache.changed(skill.toString());
        pending[0].complete(stored(skill, "from before the change"));

        assertThat(read()).isEqualTo("read 1");
    }

    @Test
    void aLoadThatTheListenersLossOverlappedIsNotKept() {
        cache.startedListening();
        UniEmitter<? super StoredSkillProgress>[] pending = pendingLoad();

        cache.stoppedListening();
        cache.startedListening();
        pending[0].complete(stored(skill, "while changes went unheard"));

        assertThat(read()).isEqualTo("read 1");
    }

    @Test
    void nothingIsHeldWhileNotListening() {
        read();
        read();
        assertThat(loads).as("before the listener listens").hasValue(2);

        cache.startedListening();
        read();
        cache.stoppedListening();
        read();

        assertThat(loads).as("after it lost its connection").hasValue(4);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aCacheOfNoDaysHoldsNothing() {
        SkillProgressCache off = new SkillProgressCache(0);
        off.startedListening();

        off.get(skill, database).await().atMost(WAIT);
        off.get(skill, database).await().atMost(WAIT);

        assertThat(loads).hasValue(2);
        assertThat(off.holding()).isFalse();
    }

    private String read() {
        return cache.get(skill, database).await().atMost(WAIT).skillName();
    }

    /** Starts a read whose load completes when the test says so. */
    @SuppressWarnings("unchecked")
    private UniEmitter<? super StoredSkillProgress>[] pendingLoad() {
        UniEmitter<? super StoredSkillProgress>[] pending = new UniEmitter[1];
        cache.get(skill, id -> Uni.createFrom().emitter(emitter -> pending[0] = emitter)).subscribe().with(loaded -> { });
        assertThat(pending[0]).as("the load started").isNotNull();
        return pending;
    }

    private static StoredSkillProgress stored(UUID id, String name) {
        return new StoredSkillProgress(id, true, UUID.randomUUID(), false, name, null, 0, 0, null, PracticeHistory.EMPTY, null, null, null,
                StreakRules.PLAIN);
    }
}
