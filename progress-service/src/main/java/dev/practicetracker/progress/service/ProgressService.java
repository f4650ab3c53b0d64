package dev.practicetracker.progress.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.skills.SkillsServiceGateway;
import dev.practicetracker.progress.repository.KnownSkillRepository;
import dev.practicetracker.progress.repository.ProgressRepository;
import dev.practicetracker.progress.repository.StoredSkillProgress;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

@ApplicationScoped
public class ProgressService {

    private final ProgressRepository progress;
    private final KnownSkillRepository skills;
    private final SkillsServiceGateway skillsService;
    private final Pool pool;

    public ProgressService(ProgressRepository progress, KnownSkillRepository skills, SkillsServiceGateway skillsService, Pool pool) {
        this.progress = progress;
        this.skills = skills;
        this.skillsService = skillsService;
        this.pool = pool;
    }

    /**
     * The caller's progress on a skill, or null when it is not theirs. A skill too new for its
     * event to have arrived is confirmed with the skills-service (read-your-writes): zeros, not 404.
     */
    public Uni<StoredSkillProgress> skillProgress(Caller caller, UUID skillId) {
        return progress.find(skillId).chain(stored -> switch (stored.visibilityTo(caller.userId())) {
            case VISIBLE -> Uni.createFrom().item(stored);
            case NOT_THE_CALLERS -> Uni.createFrom().nullItem();
            case UNKNOWN -> skillsService.callersSkill(skillId)
                    .onItem().ifNotNull().call(skill -> skills.save(pool, skill))
                    .onItem().ifNotNull().transform(skill -> StoredSkillProgress.unpractised(skillId, skill.userId(), skill.name()));
        });
    }
}
