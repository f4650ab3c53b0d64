package dev.practicetracker.skills.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.practicetracker.platform.paging.PageCursor;
import dev.practicetracker.skills.Skill;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Every query is scoped by the owner: another user's skill is simply not found. */
@ApplicationScoped
public class SkillRepository implements PanacheRepositoryBase<Skill, UUID> {

    private static final UUID NO_SKILL = new UUID(0, 0);

    @WithSession
    public Uni<Skill> findOwned(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    /** For a change: the row stays locked until the transaction ends, so concurrent writes queue up. */
    public Uni<Skill> findOwnedForUpdate(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    @WithSession
    public Uni<Boolean> nameTaken(UUID userId, String name, UUID exceptSkill) {
        return count("userId = ?1 and lower(name) = lower(?2) and id <> ?3", userId, name,
                exceptSkill == null ? NO_SKILL : exceptSkill).map(count -> count > 0);
    }

    public Uni<Long> deleteAllOf(UUID userId) {
        return delete("userId", userId);
    }

    /** Newest first; {@code limit + 1} rows so the caller can tell whether another page exists. */
    @WithSession
    public Uni<List<Skill>> page(UUID userId, PageCursor after, String tag, String nameContains, int limit) {
        StringBuilder query = new StringBuilder("userId = :userId");
        Parameters parameters = Parameters.with("userId", userId);
        if (after != null) {
            query.append(" and (createdAt < :createdAt or (createdAt = :createdAt and id < :id))");
            parameters.and("createdAt", after.position()).and("id", after.id());
        }
        if (tag != null) {
            query.append(" and array_contains(tags, :tag)");
            parameters.and("tag", tag);
        }
        if (nameContains != null) {
            query.append(" and lower(name) like :pattern escape '\\'");
            parameters.and("pattern", "%" + escapeLike(nameContains.toLowerCase()) + "%");
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), parameters).range(0, limit).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
