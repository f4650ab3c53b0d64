package dev.practicetracker.practicelog.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.platform.ids.TimeOrderedIds;
import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.MergePatch;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.practicelog.PracticeLog;
import dev.practicetracker.practicelog.mapping.LogFields;
import dev.practicetracker.practicelog.mapping.PracticeLogMapper;
import dev.practicetracker.practicelog.HistoryQuery;
import dev.practicetracker.practicelog.repository.KnownSkill;
import dev.practicetracker.practicelog.repository.PracticeLogRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Practice logs: every write is validated by {@link PracticeLogRules}, checked against the caller's
 * skill, and stored with its {@code practice-log.*.v1} event in one statement.
 */
@ApplicationScoped
public class PracticeLogService {

    private final PracticeLogRepository repository;
    private final PracticeLogRules rules;
    private final SkillDirectory skills;
    private final Outbox outbox;
    private final IdempotentCreates creates;
    private final ObjectMapper mapper;
    private final TimeOrderedIds ids;
    private final Clock clock;

    public PracticeLogService(PracticeLogRepository repository, PracticeLogRules rules, SkillDirectory skills, Outbox outbox,
            IdempotentCreates creates, ObjectMapper mapper, TimeOrderedIds ids, Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.skills = skills;
        this.outbox = outbox;
        this.creates = creates;
        this.mapper = mapper;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Creates a log of the caller's skill with its {@code practice-log.created.v1}, or replays the
     * first answer to {@code idempotencyKey} (null for none).
     *
     * @param request the request as read, for telling a retry from a different request
     */
    public Uni<IdempotentCreates.Answer> create(Caller caller, String idempotencyKey, Object request, UUID skillId, LogFields fields) {
        return prepare(caller, skillId, fields).chain(log -> creates.create(caller.userId(), idempotencyKey, request,
                client -> insert(client, log).map(written -> new IdempotentCreates.Created("/practice-logs/" + written.id,
                        written.version, PracticeLogMapper.toResponse(written)))));
    }

    /**
     * Everything a create checks before it writes: the rules, the skill being the caller's and live,
     * the milestone being in its roadmap. Outside any transaction, as it may ask the skills-service.
     */
    private Uni<PracticeLog> prepare(Caller caller, UUID skillId, LogFields fields) {
        rules.requireValid(skillId, fields);
        return requireMilestoneOf(skillId, fields.milestoneId())
                .map(skill -> PracticeLogMapper.newLog(ids.next(), caller, skillId, fields, Timestamps.now(clock)));
    }

    /** Writes a prepared log with its {@code practice-log.created.v1}, in the caller's transaction; 404 if its skill was deleted meanwhile. */
    public Uni<PracticeLog> insert(SqlClient client, PracticeLog log) {
        return repository.insertWithEvent(client, log, event(EventTypes.PRACTICE_LOG_CREATED, log, false))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("skill"));
    }

    public Uni<PracticeLog> find(Caller caller, UUID id) {
        return repository.findOwned(caller.userId(), id);
    }

    public Uni<List<PracticeLog>> page(HistoryQuery query, int limit) {
        return repository.page(query, limit + 1);
    }

    /**
     * A merge patch of the editable fields; {@code id}, {@code user_id}, {@code skill_id} and
     * {@code created_at} cannot change. A new {@code date_practiced} moves {@code local_date} in the
     * caller's zone. A patch that changes nothing keeps the version.
     */
    public Uni<PracticeLog> update(Caller caller, UUID id, JsonNode patch, String ifMatch) {
        return outbox.inTransaction(connection -> repository.findOwnedForUpdate(connection, caller.userId(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("practice log"))
                .chain(log -> {
                    ResourceResponses.requireMatch(ifMatch, log.version);
                    LogFields current = PracticeLogMapper.fieldsOf(log);
                    LogFields changed = MergePatch.apply(mapper, current, patch, LogFields.class, Map.of(
                            "id", log.id, "user_id", log.userId, "skill_id", log.skillId, "created_at", log.createdAt));
                    rules.requireValid(log.skillId, changed);
                    if (changed.equals(current)) {
                        return Uni.createFrom().item(log);
                    }
                    Uni<?> milestoneCheck = Objects.equals(changed.milestoneId(), current.milestoneId())
                            ? Uni.createFrom().voidItem() : requireMilestoneOf(log.skillId, changed.milestoneId());
                    return milestoneCheck.chain(() -> {
                        PracticeLogMapper.apply(changed, caller, log, Timestamps.now(clock));
                        return repository.updateWithEvent(connection, log, event(EventTypes.PRACTICE_LOG_UPDATED, log, false));
                    });
                }));
    }

    /** Deletes the log and publishes its last state; its evidence and progress follow. */
    public Uni<Void> delete(Caller caller, UUID id, String ifMatch) {
        return outbox.inTransaction(connection -> repository.findOwnedForUpdate(connection, caller.userId(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("practice log"))
                .chain(log -> {
                    ResourceResponses.requireMatch(ifMatch, log.version);
                    log.version++;
                    log.updatedAt = Timestamps.now(clock);
                    return repository.deleteWithEvent(connection, log, event(EventTypes.PRACTICE_LOG_DELETED, log, true));
                }));
    }

    /** The caller's live skill, with the milestone (if any) in its roadmap: 404 for the skill, 400 for the milestone. */
    Uni<KnownSkill> requireMilestoneOf(UUID skillId, String milestoneId) {
        return skills.callersSkill(skillId, milestoneId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("skill"))
                .invoke(skill -> {
                    if (milestoneId != null && !skill.hasMilestone(milestoneId)) {
                        throw ProblemException.invalid("milestone_id", "is not a milestone of this skill's roadmap");
                    }
                });
    }

    private static OutboxMessage event(String type, PracticeLog log, boolean deleted) {
        return PracticeLogEvents.of(type, log, deleted);
    }
}
