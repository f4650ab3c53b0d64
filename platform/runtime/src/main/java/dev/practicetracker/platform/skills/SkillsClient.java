package dev.practicetracker.platform.skills;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The skills-service, asked on behalf of the caller (their own token) about a skill too new to
 * have reached the local projection: it answers 404 for anything not theirs.
 */
@RegisterRestClient(configKey = "skills-service")
@Path("/skills")
public interface SkillsClient {

    @GET
    @Path("/{id}")
    Uni<SkillView> get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
