package dev.practicetracker.platform.skills;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.practicetracker.platform.client.OwningService;
import dev.practicetracker.platform.security.CurrentCaller;
import io.smallrye.mutiny.Uni;

/**
 * Asks the skills-service, on behalf of the current caller, about a skill too new to have reached
 * this service's projection: read-your-writes across services (see {@link OwningService}).
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
        return OwningService.ask("skill", client.get(skillId, "Bearer " + caller.bearerToken()));
    }
}
