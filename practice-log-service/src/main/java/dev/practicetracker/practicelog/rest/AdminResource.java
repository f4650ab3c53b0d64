package dev.practicetracker.practicelog.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.practicelog.service.Republisher;
import io.smallrye.mutiny.Uni;

/** Operations; tokens with the {@code admin} group only. */
@Path("/practice-logs/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Operator endpoints; the token needs the admin group")
public class AdminResource {

    private final Republisher republisher;

    public AdminResource(Republisher republisher) {
        this.republisher = republisher;
    }

    /** Publishes every live log's current state again (when retention has passed and a projection is rebuilt). */
    @Operation(operationId = "republishPracticeLogs", summary = "Publish every live log's current state again (operators)")
    @POST
    @Path("/republish")
    public Uni<Map<String, Long>> republish() {
        return republisher.republishAll().map(count -> Map.of("republished", count));
    }
}
