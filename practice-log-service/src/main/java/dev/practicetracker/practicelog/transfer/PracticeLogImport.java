package dev.practicetracker.practicelog.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.ids.TimeOrderedIds;
import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.Violation;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.practicelog.PracticeLog;
import dev.practicetracker.practicelog.mapping.LogFields;
import dev.practicetracker.practicelog.mapping.PracticeLogMapper;
import dev.practicetracker.practicelog.repository.KnownSkill;
import dev.practicetracker.practicelog.repository.KnownSkillRepository;
import dev.practicetracker.practicelog.repository.PracticeLogRepository;
import dev.practicetracker.practicelog.service.PracticeLogRules;
import dev.practicetracker.practicelog.service.SkillDirectory;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Bulk import, all or nothing: every row is checked against the same rules as a single log, every
 * bad row is reported with its number, and only a clean document is written — all its logs and all
 * their events in one statement whatever the size.
 */
@ApplicationScoped
public class PracticeLogImport {

    /** Skills named by id that the projection does not know yet, confirmed one by one with the skills-service. */
    static final int MAX_UNKNOWN_SKILLS = 20;

    private final KnownSkillRepository knownSkills;
    private final SkillDirectory skills;
    private final PracticeLogRepository logs;
    private final PracticeLogRules rules;
    private final IdempotentCreates creates;
    private final TimeOrderedIds ids;
    private final Clock clock;

    public PracticeLogImport(KnownSkillRepository knownSkills, SkillDirectory skills, PracticeLogRepository logs,
            PracticeLogRules rules, IdempotentCreates creates, TimeOrderedIds ids, Clock clock) {
        this.knownSkills = knownSkills;
        this.skills = skills;
        this.logs = logs;
        this.rules = rules;
        this.creates = creates;
        this.ids = ids;
        this.clock = clock;
    }

    /** Checks every row; the logs to write, or a 400 listing every bad row. */
    public Uni<List<PracticeLog>> validate(Caller caller, List<ImportRow> rows) {
        return knownSkills.liveOf(caller.userId()).chain(known -> confirmUnknown(rows, known)).map(known -> {
            Instant now = Timestamps.now(clock);
            Map<String, KnownSkill> byName = KnownSkill.byName(known.values());
            List<Violation> violations = new ArrayList<>();
            List<PracticeLog> valid = new ArrayList<>(rows.size());
            for (int index = 0; index < rows.size(); index++) {
                int row = index + 1;
                List<Violation> problems = new ArrayList<>();
                KnownSkill skill = skillOf(rows.get(index), known, byName, problems, row);
                LogFields fields = fieldsOf(rows.get(index), problems, row);
                Set<String> unreadable = new HashSet<>();
                problems.forEach(problem -> unreadable.add(problem.field()));
                rules.violationsOf(fields).stream().filter(v -> !unreadable.contains(v.field()))
                        .forEach(v -> problems.add(new Violation(row, v.field(), v.message())));
                if (skill != null && fields.milestoneId() != null && !skill.hasMilestone(fields.milestoneId())) {
                    problems.add(new Violation(row, "milestone_id", "is not a milestone of this skill's roadmap"));
                }
                if (problems.isEmpty()) {
                    valid.add(PracticeLogMapper.newLog(ids.next(), caller, skill.id(), fields, now));
                }
                violations.addAll(problems);
            }
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            if (rows.isEmpty()) {
                throw ProblemException.invalid("body", "has no rows");
            }
            return valid;
        });
    }

    public ImportResult dryRun(List<PracticeLog> valid) {
        return ImportResult.validated(valid.size());
    }

    /**
     * Writes validated logs and their events, or replays the first answer to {@code idempotencyKey}
     * (null for none); 404 if one of their skills was deleted meanwhile.
     *
     * @param rows the rows as read, for telling a retry from a different request
     */
    public Uni<IdempotentCreates.Answer> write(Caller caller, String idempotencyKey, List<ImportRow> rows, List<PracticeLog> valid) {
        return creates.create(caller.userId(), idempotencyKey, rows, client -> write(client, caller, valid)
                .map(result -> new IdempotentCreates.Created(null, 0, result)));
    }

    /** Writes validated logs and their events in one statement. */
    Uni<ImportResult> write(SqlClient client, Caller caller, List<PracticeLog> valid) {
        return write(client, caller, valid, new String[valid.size()]).replaceWith(() -> ImportResult.imported(valid.size()));
    }

    /**
     * Writes validated logs, each with its key in the tracker it came from (or null), and their
     * events in one statement; 404 if one of their skills was deleted meanwhile.
     */
    Uni<Void> write(SqlClient client, Caller caller, List<PracticeLog> valid, String[] importKeys) {
        Set<UUID> skillIds = new LinkedHashSet<>();
        List<OutboxMessage> events = new ArrayList<>(valid.size());
        for (PracticeLog log : valid) {
            skillIds.add(log.skillId);
            events.add(OutboxMessage.of(Topics.PRACTICE_LOG_EVENTS, EventTypes.PRACTICE_LOG_CREATED,
                    log.id.toString(), log.userId, log.updatedAt, PracticeLogMapper.toEvent(log, false)));
        }
        return logs.insertAllWithEvents(client, caller.userId(), skillIds, valid, importKeys, events).invoke(written -> {
            if (!written) {
                throw ProblemException.notFound("skill");
            }
        }).replaceWithVoid();
    }

    /**
     * Adds the skills rows name by id that are not among the caller's live ones: those the
     * projection knows (someone else's, or deleted) stay unknown to this caller; those it has never
     * heard of (too new) are asked of the skills-service.
     */
    private Uni<Map<UUID, KnownSkill>> confirmUnknown(List<ImportRow> rows, Map<UUID, KnownSkill> callers) {
        Set<UUID> unknown = new LinkedHashSet<>();
        for (ImportRow row : rows) {
            UUID id = uuidOrNull(row.skillId());
            if (id != null && !callers.containsKey(id)) {
                unknown.add(id);
            }
        }
        if (unknown.isEmpty()) {
            return Uni.createFrom().item(callers);
        }
        return knownSkills.findAll(unknown).chain(heardOf -> {
            unknown.removeAll(heardOf);
            if (unknown.isEmpty() || unknown.size() > MAX_UNKNOWN_SKILLS) {
                return Uni.createFrom().item(callers);
            }
            return Multi.createFrom().iterable(unknown)
                    .onItem().transformToUniAndConcatenate(id -> skills.callersSkill(id, null))
                    .collect().asList()
                    .map(confirmed -> {
                        Map<UUID, KnownSkill> all = new HashMap<>(callers);
                        confirmed.stream().filter(skill -> skill != null).forEach(skill -> all.put(skill.id(), skill));
                        return all;
                    });
        });
    }

    private static KnownSkill skillOf(ImportRow row, Map<UUID, KnownSkill> byId, Map<String, KnownSkill> byName,
            List<Violation> problems, int number) {
        if (row.skillId() != null) {
            UUID id = uuidOrNull(row.skillId());
            KnownSkill skill = id == null ? null : byId.get(id);
            if (skill == null) {
                problems.add(new Violation(number, "skill_id", id == null ? "must be a UUID" : "is not one of your skills"));
            }
            return skill;
        }
        if (row.skillName() != null) {
            KnownSkill skill = byName.get(KnownSkill.nameKey(row.skillName()));
            if (skill == null) {
                problems.add(new Violation(number, "skill_name", "is not the name of one of your skills"));
            }
            return skill;
        }
        problems.add(new Violation(number, "skill_id", "skill_id or skill_name is required"));
        return null;
    }

    /** The row's fields; a value that cannot be read is reported and left null, so the rest is still checked. */
    private static LogFields fieldsOf(ImportRow row, List<Violation> problems, int number) {
        Instant date = ImportRow.parse(row.datePracticed(), Instant::parse, number, "date_practiced",
                "must be an ISO-8601 instant with offset, e.g. 2026-11-21T18:30:00Z", problems);
        Integer duration = ImportRow.parse(row.duration(), PracticeLogImport::integer, number, "duration", "must be an integer", problems);
        Integer difficulty = ImportRow.parse(row.difficultyRating(), PracticeLogImport::integer, number, "difficulty_rating",
                "must be an integer", problems);
        Integer confidence = ImportRow.parse(row.confidenceRating(), PracticeLogImport::integer, number, "confidence_rating",
                "must be an integer", problems);
        var activity = ImportRow.parse(row.activityType(), ImportRow::activityTypeOf, number, "activity_type",
                "must be one of: practice, project, reading, video, course, exercise", problems);
        Boolean completed = ImportRow.parse(row.milestoneCompleted(), ImportRow::booleanOf, number, "milestone_completed",
                "must be true or false", problems);
        return new LogFields(date, duration, row.description(), difficulty, confidence, activity, row.milestoneId(), completed);
    }

    private static Integer integer(String text) {
        return Integer.valueOf(text);
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
