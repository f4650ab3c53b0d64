package dev.practicetracker.skills.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.practicetracker.skills.Template;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The catalogue of templates; small (tens of rows), so it is filtered by tag in memory. */
@ApplicationScoped
public class TemplateRepository implements PanacheRepositoryBase<Template, String> {

    /** The active templates, by display order then name. */
    @WithSession
    public Uni<List<Template>> active() {
        return find("active = true order by displayOrder, name").list();
    }

    @WithSession
    public Uni<Template> bySlug(String slug) {
        return findById(slug);
    }

    /** For a change or an adoption: the row stays locked until the transaction ends. */
    public Uni<Template> bySlugForUpdate(String slug) {
        return findById(slug, LockModeType.PESSIMISTIC_WRITE);
    }
}
