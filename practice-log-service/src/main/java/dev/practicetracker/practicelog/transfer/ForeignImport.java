package dev.practicetracker.practicelog.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import dev.practicetracker.platform.ids.TimeOrderedIds;
import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.Violation;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.skills.SkillsServiceGateway;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.practicelog.PracticeLog;
import dev.practicetracker.practicelog.mapping.LogFields;
import dev.practicetracker.practicelog.mapping.PracticeLogMapper;
import dev.practicetracker.practicelog.repository.KnownSkill;
import dev.practicetracker.practicelog.repository.KnownSkillRepository;
import dev.practicetracker.practicelog.repository.PracticeLogRepository;
import dev.practicetracker.practicelog.service.PracticeLogRules;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * An import of another tracker's export ({@code ?source=toggl|clockify|loop|wakatime}), all or
 * nothing like our own: every entry is read and checked against a log's rules, every bad one named
 * by its row and the source's field; an entry whose key the user's logs already hold (or that the
 * file repeats) is skipped, so importing the same file again creates nothing new. Its project or
 * habit names a skill of the caller (case aside); with {@code create_skills} the missing ones are
 * created by the skills-service, like any other, before the logs are written in one statement.
 */
@ApplicationScoped
public class ForeignImport {

    /** The most skills one import may create. */
    static final int MAX_NEW_SKILLS = 50;
    /** The longest name a skill may have (the skills-service's rule). */
    static final int MAX_SKILL_NAME = 100;

    /** An entry to log: its fields, and its skill's id (null for a skill still to create, by the entry's name). */
    private record Planned(ForeignEntry entry, LogFields fields, UUID skillId) {
    }

    /** What the import writes: the entries to log, how many it skips, the skills it creates (by lower-cased name). */
    private record Plan(List<Planned> entries, int skipped, Map<String, String> skillsToCreate) {
    }

    private final KnownSkillRepository knownSkills;
    private final SkillsServiceGateway skillsService;
    private final PracticeLogRepository logs;
    private final PracticeLogImport importer;
    private final PracticeLogRules rules;
    private final IdempotentCreates creates;
    private final TimeOrderedIds ids;
    private final Clock clock;

    public ForeignImport(KnownSkillRepository knownSkills, SkillsServiceGateway skillsService, PracticeLogRepository logs,
            PracticeLogImport importer, PracticeLogRules rules, IdempotentCreates creates, TimeOrderedIds ids, Clock clock) {
        this.knownSkills = knownSkills;
        this.skillsService = skillsService;
        this.logs = logs;
        this.importer = importer;
        this.rules = rules;
        this.creates = creates;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Reads, checks and (unless a dry run) writes the export: 201 with what it imported, 200 when it
     * imports nothing new or is a dry run, 400 naming every bad entry.
     */
    public Uni<Response> run(Caller caller, ImportSource source, String document, boolean createSkills, int defaultDuration,
            boolean dryRun, String idempotencyKey) {
        Instant now = Timestamps.now(clock);
        ForeignFormat format = source.format();
        List<ForeignEntry> entries = format.read(document, new ForeignFormat.Context(caller.zone(), now, defaultDuration));
        if (entries.isEmpty()) {
            throw ProblemException.invalid("body", "has no entries to import");
        }
        Set<String> keys = new HashSet<>();
        entries.forEach(entry -> keys.add(entry.key()));
        return knownSkills.liveOf(caller.userId()).chain(known -> confirmUnknown(entries, known))
                .chain(known -> logs.importKeysHeld(caller.userId(), keys).map(held -> plan(format, entries, known, held, createSkills)))
                .chain(plan -> dryRun
                        ? Uni.createFrom().item(Response.ok(ImportResult.validatedFrom(plan.entries().size(), plan.skipped(),
                                List.copyOf(plan.skillsToCreate().values()))).build())
                        : write(caller, idempotencyKey, List.of(source.name(), document), plan, now));
    }

    /**
     * Adds the caller's skills the entries name that this service's projection does not know yet (made
     * a moment ago), asked of the skills-service by name, at most {@link #MAX_NEW_SKILLS} of them;
     * each found one is known here from then on.
     */
    private Uni<Map<String, KnownSkill>> confirmUnknown(List<ForeignEntry> entries, Map<UUID, KnownSkill> known) {
        Map<String, KnownSkill> byName = KnownSkill.byName(known.values());
        Map<String, String> unknown = new LinkedHashMap<>();
        entries.stream().filter(entry -> !byName.containsKey(KnownSkill.nameKey(entry.skillName())))
                .forEach(entry -> unknown.putIfAbsent(KnownSkill.nameKey(entry.skillName()), entry.skillName()));
        if (unknown.isEmpty()) {
            return Uni.createFrom().item(byName);
        }
        return Multi.createFrom().iterable(unknown.values()).select().first(MAX_NEW_SKILLS)
                .onItem().transformToUniAndConcatenate(name -> skillsService.callersSkillNamed(name)
                        .onItem().ifNotNull().call(skill -> knownSkills.save(KnownSkill.of(skill))))
                .collect().asList().map(found -> {
                    found.stream().filter(skill -> skill != null).forEach(skill -> byName.put(KnownSkill.nameKey(skill.name()), KnownSkill.of(skill)));
                    return byName;
                });
    }

    private Plan plan(ForeignFormat format, List<ForeignEntry> entries, Map<String, KnownSkill> byName, Set<String> held,
            boolean createSkills) {
        Set<String> seen = new HashSet<>(held);
        Map<String, String> toCreate = new LinkedHashMap<>();
        List<Violation> problems = new ArrayList<>();
        List<Planned> planned = new ArrayList<>(entries.size());
        int skipped = 0;
        for (ForeignEntry entry : entries) {
            if (!seen.add(entry.key())) {
                skipped++;
                continue;
            }
            LogFields fields = new LogFields(entry.practiced(), entry.minutes(), entry.description(), null, null, null, null, false);
            rules.violationsOf(fields).forEach(violation -> problems.add(new Violation(entry.row(),
                    sourceField(format.fields(), violation.field()), violation.message())));
            KnownSkill skill = byName.get(KnownSkill.nameKey(entry.skillName()));
            if (skill == null && !createSkills) {
                problems.add(new Violation(entry.row(), entry.skillField(),
                        "is not the name of one of your skills: " + entry.skillName() + " (create_skills=true creates it)"));
            } else if (skill == null && entry.skillName().length() > MAX_SKILL_NAME) {
                problems.add(new Violation(entry.row(), entry.skillField(),
                        "is longer than " + MAX_SKILL_NAME + " characters, the longest name a skill may have"));
            } else if (skill == null) {
                toCreate.putIfAbsent(KnownSkill.nameKey(entry.skillName()), entry.skillName());
            }
            planned.add(new Planned(entry, fields, skill == null ? null : skill.id()));
        }
        ForeignCells.throwIfAny(problems);
        if (toCreate.size() > MAX_NEW_SKILLS) {
            throw ProblemException.invalid("create_skills", "would create " + toCreate.size() + " skills, more than "
                    + MAX_NEW_SKILLS + " at once: create some first, or split the import");
        }
        return new Plan(planned, skipped, toCreate);
    }

    /** Creates the missing skills, then writes the logs and their events in one statement (or answers 200 with nothing new). */
    private Uni<Response> write(Caller caller, String idempotencyKey, Object request, Plan plan, Instant now) {
        return createSkills(plan.skillsToCreate()).chain(created -> {
            if (plan.entries().isEmpty()) {
                return Uni.createFrom().item(Response.ok(ImportResult.importedFrom(0, plan.skipped(), List.of())).build());
            }
            List<PracticeLog> valid = new ArrayList<>(plan.entries().size());
            String[] keys = new String[plan.entries().size()];
            for (Planned entry : plan.entries()) {
                UUID skillId = entry.skillId() != null ? entry.skillId() : created.get(KnownSkill.nameKey(entry.entry().skillName()));
                keys[valid.size()] = entry.entry().key();
                valid.add(PracticeLogMapper.newLog(ids.next(), caller, skillId, entry.fields(), now));
            }
            ImportResult result = ImportResult.importedFrom(valid.size(), plan.skipped(), List.copyOf(plan.skillsToCreate().values()));
            return creates.create(caller.userId(), idempotencyKey, request, client -> importer.write(client, caller, valid, keys)
                    .replaceWith(new IdempotentCreates.Created(null, 0, result))).map(IdempotentCreates.Answer::toResponse);
        });
    }

    /** Each skill made by the skills-service in turn, and known here at once; their ids by lower-cased name. */
    private Uni<Map<String, UUID>> createSkills(Map<String, String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Multi.createFrom().iterable(names.entrySet())
                .onItem().transformToUniAndConcatenate(name -> skillsService.createCallersSkill(name.getValue())
                        .call(skill -> knownSkills.save(KnownSkill.of(skill)))
                        .map(skill -> Map.entry(name.getKey(), skill.id())))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static String sourceField(ForeignFormat.Fields fields, String field) {
        return switch (field) {
            case "date_practiced" -> fields.datePracticed();
            case "duration" -> fields.duration();
            case "description" -> fields.description();
            default -> field;
        };
    }
}
