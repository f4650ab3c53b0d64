package dev.practicetracker.evidence.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.practicetracker.evidence.Evidence;
import dev.practicetracker.platform.paging.PageCursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Every query is scoped by the owner: another user's evidence is simply not found. */
@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<Evidence, UUID> {

    @WithSession
    public Uni<Evidence> findOwned(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<Evidence> findOwnedForUpdate(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The caller's evidence, newest first; {@code limit + 1} rows so the caller can tell whether more exist. */
    @WithSession
    public Uni<List<Evidence>> newestFirst(UUID userId, PageCursor after, int limit) {
        String query = "userId = :userId";
        Parameters parameters = Parameters.with("userId", userId);
        if (after != null) {
            query += " and (createdAt < :at or (createdAt = :at and id < :id))";
            parameters.and("at", after.position()).and("id", after.id());
        }
        return find(query + " order by createdAt desc, id desc", parameters).range(0, limit).list();
    }

    /** A skill's evidence in chronological order (session date, or the item's own for skill-level items). */
    @WithSession
    public Uni<List<Evidence>> ofSkill(UUID userId, UUID skillId, PageCursor after, int limit) {
        String query = "userId = :userId and skillId = :skillId";
        Parameters parameters = Parameters.with("userId", userId).and("skillId", skillId);
        if (after != null) {
            query += " and (sortAt > :at or (sortAt = :at and id > :id))";
            parameters.and("at", after.position()).and("id", after.id());
        }
        return find(query + " order by sortAt, id", parameters).range(0, limit).list();
    }

    /** A practice session's evidence, oldest first. */
    @WithSession
    public Uni<List<Evidence>> ofLog(UUID userId, UUID logId, PageCursor after, int limit) {
        String query = "userId = :userId and practiceLogId = :logId";
        Parameters parameters = Parameters.with("userId", userId).and("logId", logId);
        if (after != null) {
            query += " and (createdAt > :at or (createdAt = :at and id > :id))";
            parameters.and("at", after.position()).and("id", after.id());
        }
        return find(query + " order by createdAt, id", parameters).range(0, limit).list();
    }
}
