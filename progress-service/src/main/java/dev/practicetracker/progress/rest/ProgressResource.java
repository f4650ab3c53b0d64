package dev.practicetracker.progress.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.progress.mapping.ProgressMapper;
import dev.practicetracker.progress.mapping.SkillProgressResponse;
import dev.practicetracker.progress.service.ProgressService;
import io.smallrye.mutiny.Uni;

@Path("/progress")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress")
public class ProgressResource {

    private final ProgressService progress;
    private final CurrentCaller caller;

    public ProgressResource(ProgressService progress, CurrentCaller caller) {
        this.progress = progress;
        this.caller = caller;
    }

    @GET
    @Path("/skills/{skillId}")
    public Uni<SkillProgressResponse> skill(@PathParam("skillId") UUID skillId) {
        return progress.skillProgress(caller.get(), skillId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("skill"))
                .map(ProgressMapper::toResponse);
    }
}
