package dev.practicetracker.evidence.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.evidence.Evidence;
import dev.practicetracker.platform.paging.PageCursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Every query is scoped by the owner: another user's evidence is simply not found. */
@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<Evidence, UUID> {

    /** Newest first; {@code limit + 1} rows so the caller can tell whether another page exists. */
    @WithSession
    public Uni<List<Evidence>> page(UUID userId, PageCursor after, int limit) {
        String query = "userId = :userId";
        Parameters parameters = Parameters.with("userId", userId);
        if (after != null) {
            query += " and (createdAt < :createdAt or (createdAt = :createdAt and id < :id))";
            parameters.and("createdAt", after.position()).and("id", after.id());
        }
        return find(query + " order by createdAt desc, id desc", parameters).range(0, limit).list();
    }

    public static PageCursor cursorOf(Evidence evidence) {
        return new PageCursor(evidence.createdAt, evidence.id);
    }
}
