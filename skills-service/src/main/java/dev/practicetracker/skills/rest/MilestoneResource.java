package dev.practicetracker.skills.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.practicetracker.platform.paging.Page;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.skills.mapping.MilestoneResponse;
import dev.practicetracker.skills.service.MilestoneService;
import io.smallrye.mutiny.Uni;

@Path("/skills/{id}/milestones")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Milestones", description = "Progress on the milestones of a skill's roadmap")
public class MilestoneResource {

    private final MilestoneService service;
    private final CurrentCaller caller;

    public MilestoneResource(MilestoneService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** Every milestone of the roadmap, in order, with its status and the minutes practised on it. */
    @Operation(operationId = "listMilestones", summary = "List a skill's milestones with the caller's progress on each")
    @GET
    public Uni<Page<MilestoneResponse>> list(@PathParam("id") UUID skillId) {
        return service.list(caller.get(), skillId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("skill"))
                .map(milestones -> new Page<>(milestones, null));
    }

    /** {@code {"status": "not_started"|"in_progress"|"completed"|"failed", "notes": "..."}} as a merge patch. */
    @Operation(operationId = "updateMilestone", summary = "Change the status or notes of a milestone")
    @APIResponse(responseCode = "200", description = "the milestone, its version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "409", description = "a transition the milestone's status does not allow")
    @PATCH
    @Path("/{milestoneId}")
    @Consumes({ SkillResource.MERGE_PATCH, MediaType.APPLICATION_JSON })
    public Uni<Response> update(@PathParam("id") UUID skillId, @PathParam("milestoneId") String milestoneId,
            @NotNull JsonNode body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.update(caller.get(), skillId, milestoneId, body, ifMatch)
                .chain(changed -> service.list(caller.get(), skillId)
                        .map(all -> all.stream().filter(milestone -> milestone.id().equals(milestoneId)).findFirst().orElseThrow())
                        .map(milestone -> ResourceResponses.ok(milestone, milestone.version())));
    }
}
