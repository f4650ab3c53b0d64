package dev.practicetracker.progress.repository;

import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.practicetracker.progress.config.ProgressConfig;
import io.smallrye.mutiny.Uni;

/**
 * The skills this replica has read, held between reads until PostgreSQL says they changed.
 * <p>
 * A skill's figures change only when an event is applied, and are read far more often than that.
 * Every statement that changes one of the rows a skill's read joins notifies the skill's id on commit
 * (the triggers of migration V8), and {@link SkillChangeListener} passes each notification here, to
 * every replica alike, whichever of them wrote. Until the listener's {@code LISTEN} is in place, and
 * from the moment its connection is lost, nothing is held: every read goes to PostgreSQL.
 * <p>
 * A read that misses loads from PostgreSQL and keeps what it loaded only if no notification for that
 * skill (nor a loss of the listener) came while it loaded: a load that began before a commit may have
 * read the rows from before it, and its notification may already have passed. Notifications are
 * counted per stripe of ids; one for a neighbour of the same stripe only costs a reload.
 */
@ApplicationScoped
public class SkillProgressCache {

    /** Every skill changed (a truncate, or a statement that changed more skills than one notification holds). */
    static final String EVERY_SKILL = "*";
    /** Stripes of skill ids over which changes are counted. */
    private static final int STRIPES = 1024;
    /** What a skill costs besides its days, in days. */
    private static final int SKILL_WEIGHT = 8;

    private final Cache<UUID, StoredSkillProgress> skills;
    private final boolean enabled;
    /** Changes notified per stripe of ids. */
    private final AtomicLongArray changes = new AtomicLongArray(STRIPES);
    /** Times the listener started or stopped listening: whatever was loaded across one is not kept. */
    private final AtomicLong listenings = new AtomicLong();
    private volatile boolean listening;

    @Inject
    public SkillProgressCache(ProgressConfig config) {
        this(config.skillCache().days());
    }

    /** A cache of at most {@code days} days of history; 0 holds nothing. */
    SkillProgressCache(int days) {
        this.enabled = days > 0;
        this.skills = Caffeine.newBuilder()
                .maximumWeight(Math.max(days, 0))
                .weigher((UUID id, StoredSkillProgress stored) -> SKILL_WEIGHT + stored.history().days().size())
                // evictions run on the reading thread: no pool of threads for a few map operations
                .executor(Runnable::run)
                .build();
    }

    /** The skill as held, or as {@code load} reads it (then held, unless it changed meanwhile). */
    public Uni<StoredSkillProgress> get(UUID skillId, Function<UUID, Uni<StoredSkillProgress>> load) {
        if (!listening) {
            return load.apply(skillId);
        }
        StoredSkillProgress held = skills.getIfPresent(skillId);
        if (held != null) {
            return Uni.createFrom().item(held);
        }
        Snapshot before = snapshot(skillId);
        return load.apply(skillId).invoke(loaded -> keep(loaded, before));
    }

    /** A notification's payload: skill ids, comma-separated, or {@value #EVERY_SKILL}. */
    void changed(String payload) {
        if (EVERY_SKILL.equals(payload)) {
            forgetAll();
            return;
        }
        forget(Arrays.stream(payload.split(",")).map(UUID::fromString).toList());
    }

    /**
     * These skills changed by a commit of this replica's own: they are read afresh here at once, not
     * when the notification comes (other replicas wait for it), and a load under way is not kept.
     */
    public void forget(Collection<UUID> skillIds) {
        for (UUID skillId : skillIds) {
            changes.incrementAndGet(stripe(skillId));
            skills.invalidate(skillId);
        }
    }

    /** The listener's {@code LISTEN} is in place: from now on, every change is heard. */
    void startedListening() {
        forgetAll();
        listening = enabled;
    }

    /** The listener's connection is gone: changes may pass unheard, so nothing held can be trusted. */
    void stoppedListening() {
        listening = false;
        forgetAll();
    }

    /** Drops everything held, and every load under way is not kept either. */
    private void forgetAll() {
        listenings.incrementAndGet();
        skills.invalidateAll();
    }

    /** Whether reads are held now (the listener listens, and the cache is on). */
    boolean holding() {
        return listening;
    }

    /** How many skills are held (for tests). */
    long size() {
        skills.cleanUp();
        return skills.estimatedSize();
    }

    private void keep(StoredSkillProgress loaded, Snapshot before) {
        if (before.current(this)) {
            skills.put(before.skillId(), loaded);
            // a change counted between the check and the put would otherwise be outlived by the put
            if (!before.current(this)) {
                skills.invalidate(before.skillId());
            }
        }
    }

    private Snapshot snapshot(UUID skillId) {
        return new Snapshot(skillId, listenings.get(), changes.get(stripe(skillId)));
    }

    private static int stripe(UUID skillId) {
        return (int) (skillId.getLeastSignificantBits() & (STRIPES - 1));
    }

    /** What a load saw of the counters when it began. */
    private record Snapshot(UUID skillId, long listenings, long changes) {

        boolean current(SkillProgressCache cache) {
            return cache.listening && cache.listenings.get() == listenings && cache.changes.get(stripe(skillId)) == changes;
        }
    }
}
