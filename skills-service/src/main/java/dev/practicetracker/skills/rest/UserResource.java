package dev.practicetracker.skills.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.skills.service.UserErasureService;
import io.smallrye.mutiny.Uni;

@Path("/users/me")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "The caller's account: erasure of everything they stored")
public class UserResource {

    /** What the caller is told: erasure has started everywhere and is done here. */
    public record ErasureAccepted(UUID userId, Instant erasedAt) {
    }

    private final UserErasureService erasure;
    private final CurrentCaller caller;

    public UserResource(UserErasureService erasure, CurrentCaller caller) {
        this.erasure = erasure;
        this.caller = caller;
    }

    /** Erases the caller (GDPR): 202 — every service deletes all of the caller's data within seconds. */
    @Operation(operationId = "eraseMe", summary = "Erase the caller's data in every service")
    @APIResponse(responseCode = "202", description = "accepted: every service deletes the caller's data within seconds", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErasureAccepted.class)))
    @DELETE
    public Uni<Response> erase() {
        Caller who = caller.get();
        return erasure.erase(who).map(at -> Response.accepted(new ErasureAccepted(who.userId(), at)).build());
    }
}
