package dev.practicetracker.practicelog.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.skills.SkillsServiceGateway;
import dev.practicetracker.practicelog.repository.KnownSkill;
import dev.practicetracker.practicelog.repository.KnownSkillRepository;
import io.smallrye.mutiny.Uni;

/**
 * Answers "is this the caller's skill?" from the local projection, falling back to the
 * skills-service for a skill (or roadmap) too new to have arrived by event. Missing and foreign
 * skills are alike: null, which callers turn into 404.
 */
@ApplicationScoped
public class SkillDirectory {

    private final KnownSkillRepository knownSkills;
    private final SkillsServiceGateway skillsService;
    private final CurrentCaller caller;

    public SkillDirectory(KnownSkillRepository knownSkills, SkillsServiceGateway skillsService, CurrentCaller caller) {
        this.knownSkills = knownSkills;
        this.skillsService = skillsService;
        this.caller = caller;
    }

    /**
     * The caller's live skill, or null. With a milestone id, a projection that does not list it yet
     * is refreshed from the skills-service before the answer is given.
     */
    public Uni<KnownSkill> callersSkill(UUID skillId, String milestoneId) {
        UUID userId = caller.get().userId();
        return knownSkills.find(skillId).chain(known -> {
            if (known != null && !known.isLiveSkillOf(userId)) {
                return Uni.createFrom().nullItem();
            }
            if (known == null) {
                return askSkillsService(skillId);
            }
            if (milestoneId == null || known.hasMilestone(milestoneId)) {
                return Uni.createFrom().item(known);
            }
            // the roadmap may have changed since the last event; if the skills-service cannot say, the projection answers
            return askSkillsService(skillId).onFailure(ProblemException.class).recoverWithItem(known);
        });
    }

    private Uni<KnownSkill> askSkillsService(UUID skillId) {
        return skillsService.callersSkill(skillId)
                .onItem().ifNotNull().transform(KnownSkill::of)
                .onItem().ifNotNull().call(knownSkills::save);
    }
}
