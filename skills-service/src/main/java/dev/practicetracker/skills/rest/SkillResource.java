package dev.practicetracker.skills.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.paging.Page;
import dev.practicetracker.platform.paging.PageCursor;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.skills.Skill;
import dev.practicetracker.skills.mapping.RoadmapRequest;
import dev.practicetracker.skills.mapping.SkillFields;
import dev.practicetracker.skills.mapping.SkillMapper;
import dev.practicetracker.skills.mapping.SkillResponse;
import dev.practicetracker.skills.service.SkillService;
import io.smallrye.mutiny.Uni;

@Path("/skills")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Skills", description = "The skills a user practises, with their roadmaps")
public class SkillResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final SkillService service;
    private final CurrentCaller caller;

    public SkillResource(SkillService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @Operation(operationId = "createSkill", summary = "Create a skill")
    @APIResponse(responseCode = "201", description = "the skill, at its Location, its version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SkillResponse.class)))
    @APIResponse(responseCode = "409", description = "the caller already has a skill of this name")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SkillFields.class),
            examples = @ExampleObject(name = "sql", summary = "a skill with a target", value = """
                    {"name": "SQL", "description": "Queries, joins and window functions", "category": "data",
                     "target_hours": 100, "tags": ["data", "work"]}""")))
    @POST
    public Uni<Response> create(@Valid @NotNull SkillFields body, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        return service.create(caller.get(), idempotencyKey, body).map(IdempotentCreates.Answer::toResponse);
    }

    @Operation(operationId = "listSkills", summary = "List the caller's skills, newest first")
    @GET
    public Uni<Page<SkillResponse>> list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("tag") String tag,
            @QueryParam("q") String q) {
        return service.page(caller.get(), PageCursor.decode(cursor), blankToNull(tag), blankToNull(q), limit)
                .map(rows -> Page.of(rows, limit, SkillMapper::cursorOf, SkillMapper::toResponse));
    }

    @Operation(operationId = "getSkill", summary = "Get a skill")
    @APIResponse(responseCode = "200", description = "the skill, its version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SkillResponse.class)))
    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("skill"))
                .map(SkillResource::ok);
    }

    /** A JSON merge patch (RFC 7396) of name, description, category, target_hours and tags. */
    @Operation(operationId = "updateSkill", summary = "Change a skill (JSON merge patch)")
    @APIResponse(responseCode = "200", description = "the changed skill, its new version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SkillResponse.class)))
    @APIResponse(responseCode = "409", description = "the caller already has a skill of the new name")
    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    public Uni<Response> update(@PathParam("id") UUID id, @NotNull JsonNode body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.update(caller.get(), id, body, ifMatch).map(SkillResource::ok);
    }

    /** Deletes the skill; its practice logs, evidence and progress follow through events. */
    @Operation(operationId = "deleteSkill", summary = "Delete a skill, with its logs, evidence and progress")
    @APIResponse(responseCode = "204", description = "deleted")
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(caller.get(), id, ifMatch).replaceWith(Response.noContent().build());
    }

    /** Replaces the skill's learning roadmap: levels 1–10 of milestones, ids unique within the skill. */
    @Operation(operationId = "replaceRoadmap", summary = "Replace a skill's roadmap")
    @APIResponse(responseCode = "200", description = "the skill with its new roadmap", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SkillResponse.class)))
    @PUT
    @Path("/{id}/roadmap")
    public Uni<Response> replaceRoadmap(@PathParam("id") UUID id, @NotNull RoadmapRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.replaceRoadmap(caller.get(), id, body, ifMatch).map(SkillResource::ok);
    }

    private static Response ok(Skill skill) {
        return ResourceResponses.ok(SkillMapper.toResponse(skill), skill.version);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
