package dev.practicetracker.platform.skills;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.practicetracker.platform.client.OwningService;
import dev.practicetracker.platform.paging.Page;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.security.CurrentCaller;
import io.smallrye.mutiny.Uni;

/**
 * Asks the skills-service, on behalf of the current caller, about a skill too new to have reached
 * this service's projection (read-your-writes across services, see {@link OwningService}), or has
 * it create one for the caller.
 */
@ApplicationScoped
public class SkillsServiceGateway {

    private final SkillsClient client;
    private final CurrentCaller caller;

    public SkillsServiceGateway(@RestClient SkillsClient client, CurrentCaller caller) {
        this.client = client;
        this.caller = caller;
    }

    /** The caller's skill, or null when it is not theirs; 503 when the skills-service cannot answer. */
    public Uni<SkillView> callersSkill(UUID skillId) {
        return OwningService.ask("skill", client.get(skillId, bearer()));
    }

    /** The caller's skill of this name (case aside), or null when they have none; 503 when the skills-service cannot answer. */
    public Uni<SkillView> callersSkillNamed(String name) {
        return OwningService.ask("skill", named(name));
    }

    /**
     * A new skill of the caller with this name, made by the skills-service like any other; if the
     * caller already has one of that name (409, case aside), that one. 503 when the skills-service
     * cannot answer.
     */
    public Uni<SkillView> createCallersSkill(String name) {
        Uni<SkillView> created = client.create(new SkillsClient.NewSkill(name), bearer())
                .onFailure(failure -> failure instanceof WebApplicationException web && web.getResponse().getStatus() == 409)
                .recoverWithUni(() -> named(name));
        return OwningService.ask("skill", created).onItem().ifNull()
                .failWith(() -> ProblemException.unavailable("cannot create the skill " + name + " right now; retry shortly"));
    }

    private Uni<SkillView> named(String name) {
        return client.search(name.strip(), Page.MAX_LIMIT, bearer()).map(found -> found.items().stream()
                .filter(skill -> skill.name().equalsIgnoreCase(name.strip())).findFirst().orElse(null));
    }

    private String bearer() {
        return "Bearer " + caller.bearerToken();
    }
}
