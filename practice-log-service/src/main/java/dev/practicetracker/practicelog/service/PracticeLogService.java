package dev.practicetracker.practicelog.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.outbox.TransactionalOutbox;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.practicelog.PracticeLog;
import dev.practicetracker.practicelog.mapping.CreatePracticeLogRequest;
import dev.practicetracker.practicelog.mapping.PracticeLogMapper;
import dev.practicetracker.practicelog.repository.KnownSkill;
import dev.practicetracker.practicelog.repository.PracticeLogRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PracticeLogService {

    private final PracticeLogRepository repository;
    private final SkillDirectory skills;
    private final TransactionalOutbox outbox;
    private final Clock clock;

    public PracticeLogService(PracticeLogRepository repository, SkillDirectory skills, TransactionalOutbox outbox, Clock clock) {
        this.repository = repository;
        this.skills = skills;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores the log and its {@code practice-log.created.v1} event in one transaction. */
    public Uni<PracticeLog> create(Caller caller, CreatePracticeLogRequest request) {
        return skills.callersSkill(request.skillId(), request.milestoneId())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("skill"))
                .invoke(skill -> requireMilestone(skill, request.milestoneId()))
                .chain(skill -> outbox.inTransaction(() -> {
                    PracticeLog log = PracticeLogMapper.newLog(caller, request, Timestamps.now(clock));
                    return repository.persist(log).call(this::publishCreated);
                }));
    }

    public Uni<PracticeLog> find(Caller caller, UUID id) {
        return repository.findOwned(caller.userId(), id);
    }

    private Uni<Void> publishCreated(PracticeLog log) {
        return outbox.append(Topics.PRACTICE_LOG_EVENTS, EventTypes.PRACTICE_LOG_CREATED, log.id.toString(), log.userId,
                log.updatedAt, PracticeLogMapper.toEvent(log, false));
    }

    private static void requireMilestone(KnownSkill skill, String milestoneId) {
        if (milestoneId != null && !skill.hasMilestone(milestoneId)) {
            throw ProblemException.invalid("milestone_id", "is not a milestone of this skill's roadmap");
        }
    }
}
