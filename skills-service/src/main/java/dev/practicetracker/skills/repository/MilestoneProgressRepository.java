package dev.practicetracker.skills.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.practicetracker.skills.MilestoneProgress;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MilestoneProgressRepository implements PanacheRepositoryBase<MilestoneProgress, MilestoneProgress.Key> {

    @WithSession
    public Uni<List<MilestoneProgress>> ofSkill(UUID skillId) {
        return list("skillId", skillId);
    }

    public Uni<MilestoneProgress> findForUpdate(UUID skillId, String milestoneId) {
        return find("skillId = ?1 and milestoneId = ?2", skillId, milestoneId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Progress on milestones a new roadmap no longer has goes with them. */
    public Uni<Long> deleteAllBut(UUID skillId, Collection<String> keptMilestoneIds) {
        return keptMilestoneIds.isEmpty() ? delete("skillId", skillId)
                : delete("skillId = ?1 and milestoneId not in ?2", skillId, keptMilestoneIds);
    }

    public Uni<Long> deleteAllOf(UUID userId) {
        return delete("userId", userId);
    }
}
