package dev.practicetracker.progress.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.progress.service.ProjectionRebuild;
import io.smallrye.mutiny.Uni;

/** Operations on the read model; tokens with the {@code admin} group only. */
@Path("/progress/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class AdminResource {

    private final ProjectionRebuild rebuild;

    public AdminResource(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Drops the projection and replays every topic from the beginning: 202, progress converges as it catches up. */
    @POST
    @Path("/rebuild")
    public Uni<Response> rebuild() {
        return rebuild.start().replaceWith(Response.accepted(Map.of("rebuild", "started")).build());
    }
}
