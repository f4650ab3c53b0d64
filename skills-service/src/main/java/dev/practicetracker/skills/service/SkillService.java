package dev.practicetracker.skills.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.RoadmapData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.ids.TimeOrderedIds;
import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.platform.paging.PageCursor;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.Violations;
import dev.practicetracker.platform.rest.MergePatch;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.skills.Skill;
import dev.practicetracker.skills.SkillType;
import dev.practicetracker.skills.Template;
import dev.practicetracker.skills.TemplateTag;
import dev.practicetracker.skills.mapping.RoadmapRequest;
import dev.practicetracker.skills.mapping.SkillFields;
import dev.practicetracker.skills.mapping.SkillMapper;
import dev.practicetracker.skills.repository.MilestoneProgressRepository;
import dev.practicetracker.skills.repository.SkillRepository;
import io.smallrye.mutiny.Uni;

/** Skills and their roadmaps; every change and its event are written in one transaction. */
@ApplicationScoped
public class SkillService {

    private final SkillRepository repository;
    private final MilestoneProgressRepository milestones;
    private final RoadmapRules roadmapRules;
    private final Outbox outbox;
    private final IdempotentCreates creates;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final TimeOrderedIds ids;
    private final Clock clock;

    public SkillService(SkillRepository repository, MilestoneProgressRepository milestones, RoadmapRules roadmapRules,
            Outbox outbox, IdempotentCreates creates, Validator validator, ObjectMapper mapper, TimeOrderedIds ids, Clock clock) {
        this.repository = repository;
        this.milestones = milestones;
        this.roadmapRules = roadmapRules;
        this.outbox = outbox;
        this.creates = creates;
        this.validator = validator;
        this.mapper = mapper;
        this.ids = ids;
        this.clock = clock;
    }

    /** Creates the skill, or replays the first answer to {@code idempotencyKey} (null for none). */
    public Uni<IdempotentCreates.Answer> create(Caller caller, String idempotencyKey, SkillFields fields) {
        return creates.create(caller.userId(), idempotencyKey, fields, () -> requireFreeName(caller.userId(), fields.name(), null)
                .chain(() -> repository.persist(SkillMapper.newSkill(ids.next(), caller.userId(), fields, Timestamps.now(clock))))
                .call(skill -> publish(EventTypes.SKILL_CREATED, skill, false))
                .map(skill -> new IdempotentCreates.Created("/skills/" + skill.id, skill.version, SkillMapper.toResponse(skill))));
    }

    /**
     * A new skill of the caller adopted from a template, in the caller's transaction: the template's
     * name (or {@code name}), type, roadmap and tag names; 400 for a name a skill may not have, 409 for
     * one the caller's skills already have.
     */
    public Uni<Skill> createFrom(Caller caller, Template template, String name) {
        SkillFields fields = new SkillFields(name == null ? template.name : name, null, null, null,
                template.tagList().stream().map(TemplateTag::name).toList(), SkillType.of(template.skillType));
        new Violations().addAll(validator.validate(fields)).throwIfAny();
        Skill skill = SkillMapper.newSkill(ids.next(), caller.userId(), fields, Timestamps.now(clock));
        skill.roadmap = template.roadmap;
        skill.templateSlug = template.slug;
        return requireFreeName(caller.userId(), fields.name(), null).chain(() -> repository.persist(skill))
                .call(created -> publish(EventTypes.SKILL_CREATED, created, false));
    }

    public Uni<Skill> find(Caller caller, UUID id) {
        return repository.findOwned(caller.userId(), id);
    }

    public Uni<List<Skill>> page(Caller caller, PageCursor after, String tag, String nameContains, int limit) {
        return repository.page(caller.userId(), after, tag, nameContains, limit + 1);
    }

    /** Applies a merge patch of the editable fields; a patch that changes nothing changes no version. */
    public Uni<Skill> update(Caller caller, UUID id, JsonNode patch, String ifMatch) {
        return outbox.inTransaction(() -> lockOwned(caller, id, ifMatch).chain(skill -> {
            SkillFields current = SkillMapper.fieldsOf(skill);
            SkillFields changed = MergePatch.apply(mapper, current, patch, SkillFields.class, Map.of(
                    "id", skill.id, "user_id", skill.userId, "created_at", skill.createdAt,
                    "roadmap", skill.roadmap == null ? mapper.nullNode() : skill.roadmap));
            new Violations().addAll(validator.validate(changed)).throwIfAny();
            if (changed.equals(current)) {
                return Uni.createFrom().item(skill);
            }
            Uni<Void> nameCheck = changed.name().equalsIgnoreCase(current.name()) ? Uni.createFrom().voidItem()
                    : requireFreeName(caller.userId(), changed.name(), skill.id);
            return nameCheck.map(ignored -> {
                SkillMapper.apply(changed, skill);
                return touch(skill);
            }).call(updated -> publish(EventTypes.SKILL_UPDATED, updated, false));
        }));
    }

    /** Deletes the skill; its logs, evidence and progress follow through {@code skill.deleted.v1}. */
    public Uni<Void> delete(Caller caller, UUID id, String ifMatch) {
        return outbox.inTransaction(() -> lockOwned(caller, id, ifMatch).chain(skill -> {
            touch(skill);
            return publish(EventTypes.SKILL_DELETED, skill, true).chain(() -> repository.delete(skill));
        }));
    }

    public Uni<Skill> replaceRoadmap(Caller caller, UUID id, RoadmapRequest roadmap, String ifMatch) {
        roadmapRules.requireValid(roadmap);
        RoadmapData data = roadmap.toData();
        List<String> milestoneIds = data.milestones().map(RoadmapData.Milestone::id).toList();
        return outbox.inTransaction(() -> lockOwned(caller, id, ifMatch).chain(skill -> {
            skill.roadmap = data;
            touch(skill);
            return milestones.deleteAllBut(skill.id, milestoneIds)
                    .chain(() -> publish(EventTypes.SKILL_UPDATED, skill, false))
                    .replaceWith(skill);
        }));
    }

    /** The caller's skill, locked for this transaction; 404 for anyone else's, 412 for a stale If-Match. */
    Uni<Skill> lockOwned(Caller caller, UUID id, String ifMatch) {
        return repository.findOwnedForUpdate(caller.userId(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("skill"))
                .invoke(skill -> ResourceResponses.requireMatch(ifMatch, skill.version));
    }

    private Skill touch(Skill skill) {
        skill.version++;
        skill.updatedAt = Timestamps.now(clock);
        return skill;
    }

    private Uni<Void> requireFreeName(UUID userId, String name, UUID exceptSkill) {
        return repository.nameTaken(userId, name, exceptSkill).invoke(taken -> {
            if (taken) {
                throw ProblemException.conflict("you already have a skill named " + name);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> publish(String type, Skill skill, boolean deleted) {
        return outbox.append(OutboxMessage.of(Topics.SKILL_EVENTS, type, skill.id.toString(), skill.userId, skill.updatedAt,
                SkillMapper.toEvent(skill, deleted)));
    }
}
