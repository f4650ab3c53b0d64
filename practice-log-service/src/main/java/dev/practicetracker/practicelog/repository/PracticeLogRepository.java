package dev.practicetracker.practicelog.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.practicelog.PracticeLog;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Every query is scoped by the owner: another user's log is simply not found. */
@ApplicationScoped
public class PracticeLogRepository implements PanacheRepositoryBase<PracticeLog, UUID> {

    @WithSession
    public Uni<PracticeLog> findOwned(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }
}
