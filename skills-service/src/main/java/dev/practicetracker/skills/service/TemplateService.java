package dev.practicetracker.skills.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.Violations;
import dev.practicetracker.platform.rest.MergePatch;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.skills.SkillType;
import dev.practicetracker.skills.Template;
import dev.practicetracker.skills.TemplateTag;
import dev.practicetracker.skills.mapping.AdoptRequest;
import dev.practicetracker.skills.mapping.RoadmapRequest;
import dev.practicetracker.skills.mapping.SkillMapper;
import dev.practicetracker.skills.mapping.TemplateFields;
import dev.practicetracker.skills.repository.TemplateRepository;
import io.smallrye.mutiny.Uni;

/**
 * The catalogue of practice templates: admins create, change and delete them; users list the active
 * ones and adopt one into a skill of their own. An adoption and the template's count go in one
 * transaction with the new skill and its event.
 */
@ApplicationScoped
public class TemplateService {

    /** What an adoption was asked for, so an Idempotency-Key replay is told from a reuse. */
    record Adoption(String slug, String name) {
    }

    private final TemplateRepository templates;
    private final SkillService skills;
    private final RoadmapRules roadmapRules;
    private final Outbox outbox;
    private final IdempotentCreates creates;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final Clock clock;

    public TemplateService(TemplateRepository templates, SkillService skills, RoadmapRules roadmapRules, Outbox outbox,
            IdempotentCreates creates, Validator validator, ObjectMapper mapper, Clock clock) {
        this.templates = templates;
        this.skills = skills;
        this.roadmapRules = roadmapRules;
        this.outbox = outbox;
        this.creates = creates;
        this.validator = validator;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The active templates by display order then name; only those with a tag of this slug, or of this category. */
    public Uni<List<Template>> catalogue(String tag, TemplateTag.Category category) {
        return templates.active().map(all -> all.stream()
                .filter(template -> tag == null || template.tagList().stream().anyMatch(t -> t.slug().equals(tag)))
                .filter(template -> category == null || template.tagList().stream().anyMatch(t -> t.category() == category))
                .toList());
    }

    /** One template; an inactive one only for an admin (404 for anyone else, as a missing one). */
    public Uni<Template> find(String slug, boolean admin) {
        return templates.bySlug(slug).map(template -> template == null || !template.active && !admin ? null : template)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("template"));
    }

    /** Creates a template: 409 for a slug in use. */
    public Uni<Template> create(TemplateFields fields) {
        requireValid(fields);
        return outbox.inTransaction(() -> templates.bySlug(fields.slug()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("a template with slug " + fields.slug() + " exists");
            }
            Template template = new Template();
            template.slug = fields.slug();
            template.version = 0;
            template.createdAt = Timestamps.now(clock);
            apply(fields, template);
            return templates.persist(template);
        }));
    }

    /** Applies a merge patch of the template's fields; its slug never changes. */
    public Uni<Template> update(String slug, JsonNode patch, String ifMatch) {
        return outbox.inTransaction(() -> lock(slug, ifMatch).map(template -> {
            TemplateFields current = fieldsOf(template);
            TemplateFields changed = MergePatch.apply(mapper, current, patch, TemplateFields.class, Map.of("slug", template.slug));
            requireValid(changed);
            if (!changed.equals(current)) {
                apply(changed, template);
            }
            return template;
        }));
    }

    /** Deletes a template; skills adopted from it stay as they are. */
    public Uni<Void> delete(String slug, String ifMatch) {
        return outbox.inTransaction(() -> lock(slug, ifMatch).chain(templates::delete));
    }

    /**
     * Adopts an active template into a new skill of the caller (201 with the skill), or replays the
     * first answer to {@code idempotencyKey}: 404 for a template not in the catalogue, 409 for a name
     * the caller's skills already have.
     */
    public Uni<IdempotentCreates.Answer> adopt(Caller caller, String slug, String idempotencyKey, AdoptRequest request) {
        String name = request == null ? null : request.name();
        return creates.create(caller.userId(), idempotencyKey, new Adoption(slug, name), () -> templates.bySlugForUpdate(slug)
                .map(template -> template == null || !template.active ? null : template)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("template"))
                .chain(template -> skills.createFrom(caller, template, name).invoke(skill -> template.adoptions++))
                .map(skill -> new IdempotentCreates.Created("/skills/" + skill.id, skill.version, SkillMapper.toResponse(skill))));
    }

    private Uni<Template> lock(String slug, String ifMatch) {
        return templates.bySlugForUpdate(slug)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("template"))
                .invoke(template -> ResourceResponses.requireMatch(ifMatch, template.version));
    }

    private void requireValid(TemplateFields fields) {
        new Violations().addAll(validator.validate(fields)).throwIfAny();
        if (fields.roadmap() != null) {
            roadmapRules.requireValid(fields.roadmap());
        }
    }

    private TemplateFields fieldsOf(Template template) {
        RoadmapRequest roadmap = template.roadmap == null ? null : mapper.convertValue(template.roadmap, RoadmapRequest.class);
        return new TemplateFields(template.slug, template.name, template.tagline, template.description,
                SkillType.of(template.skillType), roadmap, template.tagList(), template.displayOrder,
                template.active);
    }

    private void apply(TemplateFields fields, Template template) {
        template.name = fields.name();
        template.tagline = fields.tagline();
        template.description = fields.description();
        template.skillType = fields.skillType() == null ? null : fields.skillType().toString();
        template.roadmap = fields.roadmap() == null ? null : fields.roadmap().toData();
        template.tags = new Template.Tags(fields.tags());
        template.displayOrder = fields.displayOrder();
        template.active = fields.isActive();
        template.version++;
        template.updatedAt = Timestamps.now(clock);
    }
}
