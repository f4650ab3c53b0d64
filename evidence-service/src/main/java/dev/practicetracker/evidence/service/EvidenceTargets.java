package dev.practicetracker.evidence.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.practicetracker.evidence.client.PracticeLogsClient;
import dev.practicetracker.evidence.repository.KnownTargets;
import dev.practicetracker.platform.client.OwningService;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.skills.SkillsServiceGateway;
import io.smallrye.mutiny.Uni;

/**
 * Resolves what evidence is attached to, for the caller: a practice log implies its skill; each
 * must be theirs (404 otherwise). Answered from the local projections, falling back to the owning
 * service for something too new to have arrived by event.
 */
@ApplicationScoped
public class EvidenceTargets {

    /** The skill the evidence belongs to, the log (if any), and where it sorts in the skill's chronology. */
    public record Target(UUID skillId, UUID practiceLogId, Instant sortAt) {
    }

    private final KnownTargets known;
    private final SkillsServiceGateway skillsService;
    private final PracticeLogsClient logsService;
    private final CurrentCaller caller;

    public EvidenceTargets(KnownTargets known, SkillsServiceGateway skillsService, @RestClient PracticeLogsClient logsService,
            CurrentCaller caller) {
        this.known = known;
        this.skillsService = skillsService;
        this.logsService = logsService;
        this.caller = caller;
    }

    public Uni<Target> resolve(Caller who, UUID skillId, UUID practiceLogId, Instant now) {
        if (practiceLogId != null) {
            return callersLog(who, practiceLogId).map(log -> {
                if (skillId != null && !skillId.equals(log.skillId())) {
                    throw ProblemException.invalid("skill_id", "is not the skill of the practice log");
                }
                return new Target(log.skillId(), log.id(), log.datePracticed());
            });
        }
        if (skillId != null) {
            return requireCallersSkill(who, skillId).replaceWith(new Target(skillId, null, now));
        }
        throw ProblemException.invalid("practice_log_id", "practice_log_id or skill_id is required");
    }

    /** 404 unless the skill is the caller's and live. */
    public Uni<Void> requireCallersSkill(Caller who, UUID skillId) {
        return known.skill(skillId).chain(skill -> {
            if (skill != null) {
                return skill.deleted() || !skill.userId().equals(who.userId())
                        ? Uni.createFrom().failure(ProblemException.notFound("skill")) : Uni.createFrom().voidItem();
            }
            return skillsService.callersSkill(skillId)
                    .onItem().ifNull().failWith(() -> ProblemException.notFound("skill"))
                    .call(view -> known.saveSkill(new KnownTargets.KnownSkill(view.id(), view.userId(), view.version(), false)))
                    .replaceWithVoid();
        });
    }

    /** The caller's live log; 404 otherwise. */
    public Uni<KnownTargets.KnownLog> callersLog(Caller who, UUID logId) {
        return known.log(logId).chain(log -> {
            if (log != null) {
                return log.deleted() || !log.userId().equals(who.userId())
                        ? Uni.createFrom().failure(ProblemException.notFound("practice log")) : Uni.createFrom().item(log);
            }
            return OwningService.ask("practice log", logsService.get(logId, "Bearer " + caller.bearerToken()))
                    .onItem().ifNull().failWith(() -> ProblemException.notFound("practice log"))
                    .map(view -> new KnownTargets.KnownLog(view.id(), view.userId(), view.skillId(), view.datePracticed(),
                            view.version(), false))
                    .call(known::saveLog);
        });
    }
}
