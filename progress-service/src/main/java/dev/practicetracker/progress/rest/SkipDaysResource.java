package dev.practicetracker.progress.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.paging.Page;
import dev.practicetracker.platform.rest.QueryParameters;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.progress.mapping.SkipDayRequest;
import dev.practicetracker.progress.mapping.SkipDayResponse;
import dev.practicetracker.progress.service.SkipDaysService;
import io.smallrye.mutiny.Uni;

/** Planned breaks: days that neither break nor extend the caller's streaks when unpractised. */
@Path("/progress/skip-days")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress")
public class SkipDaysResource {

    private final SkipDaysService skipDays;
    private final CurrentCaller caller;

    public SkipDaysResource(SkipDaysService skipDays, CurrentCaller caller) {
        this.skipDays = skipDays;
        this.caller = caller;
    }

    /** Adds a break; the same days again are the same break, with the new reason. */
    @Operation(operationId = "putSkipDays", summary = "Plan a break: days that neither break nor extend the caller's streaks")
    @APIResponse(responseCode = "201", description = "a new break",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SkipDayResponse.class)))
    @APIResponse(responseCode = "200", description = "the break of these days, with the new reason",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SkipDayResponse.class)))
    @APIResponse(responseCode = "409", description = "the caller has the most skip days a user may have at once (500)")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(@Valid @NotNull SkipDayRequest body) {
        return skipDays.put(caller.get(), body).map(saved -> Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(saved.skipDay()).build());
    }

    @Operation(operationId = "listSkipDays", summary = "The caller's breaks that touch a range of days, earliest first")
    @GET
    public Uni<Page<SkipDayResponse>> list(
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to) {
        return skipDays.list(caller.get(), QueryParameters.date("from", from), QueryParameters.date("to", to))
                .map(breaks -> new Page<>(breaks, null));
    }

    @Operation(operationId = "deleteSkipDays", summary = "Remove one of the caller's breaks")
    @APIResponse(responseCode = "204", description = "removed")
    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return skipDays.delete(caller.get(), id);
    }
}
