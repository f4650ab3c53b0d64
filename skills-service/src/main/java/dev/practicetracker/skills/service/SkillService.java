package dev.practicetracker.skills.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.outbox.TransactionalOutbox;
import dev.practicetracker.platform.paging.PageCursor;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.skills.Skill;
import dev.practicetracker.skills.mapping.CreateSkillRequest;
import dev.practicetracker.skills.mapping.SkillMapper;
import dev.practicetracker.skills.repository.SkillRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SkillService {

    private final SkillRepository repository;
    private final TransactionalOutbox outbox;
    private final Clock clock;

    public SkillService(SkillRepository repository, TransactionalOutbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Skill> create(Caller caller, CreateSkillRequest request) {
        return outbox.inTransaction(() -> repository.nameTaken(caller.userId(), request.name())
                .chain(taken -> {
                    if (taken) {
                        return Uni.createFrom().failure(ProblemException.conflict("you already have a skill named " + request.name()));
                    }
                    Skill skill = SkillMapper.newSkill(caller.userId(), request, Timestamps.now(clock));
                    return repository.persist(skill)
                            .call(created -> outbox.append(Topics.SKILL_EVENTS, EventTypes.SKILL_CREATED, created.id.toString(),
                                    created.userId, created.updatedAt, SkillMapper.toEvent(created, false)));
                }));
    }

    public Uni<Skill> find(Caller caller, UUID id) {
        return repository.findOwned(caller.userId(), id);
    }

    public Uni<List<Skill>> page(Caller caller, PageCursor after, String tag, String nameContains, int limit) {
        return repository.page(caller.userId(), after, tag, nameContains, limit + 1);
    }
}
