package dev.practicetracker.platform.skills;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The skills-service, asked on behalf of the caller (their own token) about a skill too new to
 * have reached the local projection (it answers 404 for anything not theirs), or to create one.
 */
@RegisterRestClient(configKey = "skills-service")
@Path("/skills")
public interface SkillsClient {

    @GET
    @Path("/{id}")
    Uni<SkillView> get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** {@code POST /skills}: a new skill of the caller, with its {@code skill.created.v1} as for any create. */
    @POST
    Uni<SkillView> create(NewSkill skill, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** {@code GET /skills?q=}: the caller's skills whose names contain {@code q}, case aside. */
    @GET
    Uni<SkillList> search(@QueryParam("q") String q, @QueryParam("limit") int limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** The body of a skill made by another service on the caller's behalf: its name. */
    record NewSkill(String name) {
    }

    /** A page of {@code GET /skills}. */
    record SkillList(List<SkillView> items, String nextCursor) {
    }
}
