package dev.practicetracker.skills.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.Violations;
import dev.practicetracker.platform.rest.MergePatch;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.skills.MilestoneProgress;
import dev.practicetracker.skills.Skill;
import dev.practicetracker.skills.mapping.MilestoneFields;
import dev.practicetracker.skills.mapping.MilestoneMapper;
import dev.practicetracker.skills.mapping.MilestoneResponse;
import dev.practicetracker.skills.repository.MilestoneLogRepository;
import dev.practicetracker.skills.repository.MilestoneProgressRepository;
import dev.practicetracker.skills.repository.SkillRepository;
import io.smallrye.mutiny.Uni;

/** Progress through a skill's roadmap: status per milestone, and the minutes practised on each. */
@ApplicationScoped
public class MilestoneService {

    private final SkillRepository skills;
    private final SkillService skillService;
    private final MilestoneProgressRepository progress;
    private final MilestoneLogRepository logs;
    private final Outbox outbox;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final Clock clock;

    public MilestoneService(SkillRepository skills, SkillService skillService, MilestoneProgressRepository progress,
            MilestoneLogRepository logs, Outbox outbox, Validator validator, ObjectMapper mapper, Clock clock) {
        this.skills = skills;
        this.skillService = skillService;
        this.progress = progress;
        this.logs = logs;
        this.outbox = outbox;
        this.validator = validator;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Every milestone of the caller's skill in roadmap order, or null when the skill is not theirs. */
    public Uni<List<MilestoneResponse>> list(Caller caller, UUID skillId) {
        return skills.findOwned(caller.userId(), skillId).chain(skill -> skill == null ? Uni.createFrom().nullItem()
                : progress.ofSkill(skillId).chain(states -> logs.practiceByMilestone(skillId)
                        .map(practice -> MilestoneMapper.toResponses(skill, byMilestone(states), practice))));
    }

    /**
     * Applies a merge patch of {@code status} and {@code notes}, enforcing the transitions of
     * {@link dev.practicetracker.skills.MilestoneStatus}; publishes {@code milestone.updated.v1}.
     */
    public Uni<MilestoneProgress> update(Caller caller, UUID skillId, String milestoneId, JsonNode patch, String ifMatch) {
        return outbox.inTransaction(() -> skillService.lockOwned(caller, skillId, null).chain(skill -> {
            if (skill.roadmap == null || !skill.roadmap.hasMilestone(milestoneId)) {
                return Uni.createFrom().failure(ProblemException.notFound("milestone"));
            }
            return progress.ofSkill(skillId).chain(states -> {
                Map<String, MilestoneProgress> byId = byMilestone(states);
                MilestoneProgress state = byId.getOrDefault(milestoneId,
                        MilestoneProgress.notStarted(skillId, milestoneId, caller.userId()));
                ResourceResponses.requireMatch(ifMatch, state.version);
                MilestoneFields current = new MilestoneFields(state.status, state.notes);
                MilestoneFields wanted = MergePatch.apply(mapper, current, patch, MilestoneFields.class, Map.of());
                new Violations().addAll(validator.validate(wanted)).throwIfAny();
                if (!state.status.canMoveTo(wanted.status())) {
                    throw ProblemException.conflict("a milestone cannot go from " + state.status + " to " + wanted.status());
                }
                if (wanted.equals(current)) {
                    return Uni.createFrom().item(state);
                }
                boolean isNew = state.version == 0;
                state.moveTo(wanted.status(), Timestamps.now(clock));
                state.notes = wanted.notes();
                state.version++;
                state.updatedAt = Timestamps.now(clock);
                byId.put(milestoneId, state);
                long completed = byId.values().stream().filter(MilestoneMapper::isCompleted).count();
                Uni<MilestoneProgress> saved = isNew ? progress.persist(state) : Uni.createFrom().item(state);
                return saved.call(changed -> publish(changed, skill, completed));
            });
        }));
    }

    private Uni<Void> publish(MilestoneProgress changed, Skill skill, long completed) {
        return outbox.append(OutboxMessage.of(Topics.SKILL_EVENTS, EventTypes.MILESTONE_UPDATED, skill.id + "/" + changed.milestoneId,
                changed.userId, changed.updatedAt, MilestoneMapper.toEvent(changed, skill, completed)));
    }

    private static Map<String, MilestoneProgress> byMilestone(List<MilestoneProgress> states) {
        return states.stream().collect(Collectors.toMap(state -> state.milestoneId, Function.identity()));
    }
}
