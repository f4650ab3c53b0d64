package dev.practicetracker.progress.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.progress.mapping.SettingsRequest;
import dev.practicetracker.progress.mapping.SettingsResponse;
import dev.practicetracker.progress.service.SettingsService;
import io.smallrye.mutiny.Uni;

@Path("/progress/settings")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress")
public class SettingsResource {

    private final SettingsService settings;
    private final CurrentCaller caller;

    public SettingsResource(SettingsService settings, CurrentCaller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @Operation(operationId = "getProgressSettings", summary = "The caller's progress settings (reminders) and the zone stored with them")
    @APIResponse(responseCode = "200", description = "the settings, their version as the ETag (defaults at version 0)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettingsResponse.class)))
    @GET
    public Uni<Response> get() {
        return settings.get(caller.get()).map(SettingsResource::withVersion);
    }

    /** Replaces the settings; the token's {@code zoneinfo} is stored with them: reminders fall at local times of that zone. */
    @Operation(operationId = "putProgressSettings", summary = "Replace the caller's progress settings")
    @APIResponse(responseCode = "200", description = "the settings, their new version as the ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettingsResponse.class)))
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(@Valid @NotNull SettingsRequest body) {
        return settings.put(caller.get(), body).map(SettingsResource::withVersion);
    }

    private static Response withVersion(SettingsResponse response) {
        return ResourceResponses.ok(response, response.version());
    }
}
