package dev.practicetracker.platform.skills;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.security.CurrentCaller;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Asks the skills-service, on behalf of the current caller, about a skill too new to have reached
 * this service's projection: read-your-writes across services. Null when the skill is not the
 * caller's (or does not exist); a 503 problem when the skills-service cannot answer.
 */
@ApplicationScoped
public class SkillsServiceGateway {

    private final SkillsClient client;
    private final CurrentCaller caller;

    public SkillsServiceGateway(@RestClient SkillsClient client, CurrentCaller caller) {
        this.client = client;
        this.caller = caller;
    }

    public Uni<SkillView> callersSkill(UUID skillId) {
        return client.get(skillId, "Bearer " + caller.bearerToken())
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    if (((WebApplicationException) failure).getResponse().getStatus() == 404) {
                        return Uni.createFrom().nullItem();
                    }
                    return unavailable(failure);
                })
                .onFailure(failure -> !(failure instanceof ProblemException)).recoverWithUni(this::unavailable);
    }

    private Uni<SkillView> unavailable(Throwable failure) {
        Log.warnf("skills-service could not confirm a skill: %s", failure.toString());
        return Uni.createFrom().failure(ProblemException.unavailable("cannot confirm the skill right now; retry shortly"));
    }
}
