package dev.practicetracker.progress.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.progress.service.ProjectionRebuild;
import io.smallrye.mutiny.Uni;

/** Operations on the read model; tokens with the {@code admin} group only. */
@Path("/progress/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Operator endpoints; the token needs the admin group")
public class AdminResource {

    /** What a started rebuild answers: {@code {"rebuild": "started"}}. */
    public record RebuildStarted(String rebuild) {
    }

    private final ProjectionRebuild rebuild;

    public AdminResource(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Drops the projection and replays every topic from the beginning: 202, progress converges as it catches up. */
    @Operation(operationId = "rebuildProgress", summary = "Rebuild the progress read model from the topics (operators)")
    @APIResponse(responseCode = "202", description = "started: progress converges as the consumers catch up", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RebuildStarted.class)))
    @POST
    @Path("/rebuild")
    public Uni<Response> rebuild() {
        return rebuild.start().replaceWith(Response.accepted(new RebuildStarted("started")).build());
    }
}
