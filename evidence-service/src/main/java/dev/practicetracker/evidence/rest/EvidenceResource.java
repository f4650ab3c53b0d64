package dev.practicetracker.evidence.rest;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.practicetracker.evidence.Evidence;
import dev.practicetracker.evidence.mapping.CreateEvidenceRequest;
import dev.practicetracker.evidence.mapping.EvidenceBySkill;
import dev.practicetracker.evidence.mapping.EvidenceMapper;
import dev.practicetracker.evidence.mapping.EvidenceResponse;
import dev.practicetracker.evidence.service.EvidenceService;
import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.paging.KeysetPages;
import dev.practicetracker.platform.paging.Page;
import dev.practicetracker.platform.paging.PageCursor;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.QueryParameters;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Path("/evidence")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "Links, notes and screenshot metadata attached to practice logs and skills")
public class EvidenceResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    /** Rows read per round trip while exporting. */
    static final int EXPORT_PAGE = 500;

    private final EvidenceService service;
    private final CurrentCaller caller;

    public EvidenceResource(EvidenceService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** A link, a note or a screenshot's metadata, attached to the caller's practice log or skill. */
    @Operation(operationId = "createEvidence", summary = "Attach evidence to one of the caller's logs or skills")
    @APIResponse(responseCode = "201", description = "the evidence, at its Location, its version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = EvidenceResponse.class)))
    @APIResponse(responseCode = "404", description = "the log or skill is not the caller's")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateEvidenceRequest.class),
            examples = {
                    @ExampleObject(name = "link", summary = "a link on a log", value = """
                            {"type": "link", "practice_log_id": "0192f0c4-6a2d-7f01-8e55-7c3a9b1d2e40",
                             "url": "https://example.org/my-recording"}"""),
                    @ExampleObject(name = "screenshot", summary = "a screenshot's metadata on a skill", value = """
                            {"type": "screenshot", "skill_id": "0192f0c4-5b1e-7cc3-9a51-2b8e0d6f4a10",
                             "file": {"filename": "query-plan.png", "size_bytes": 48213, "content_type": "image/png",
                                      "storage_url": "https://files.example.org/u/query-plan.png"}}""") }))
    @POST
    public Uni<Response> create(@Valid @NotNull CreateEvidenceRequest body, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        return service.create(caller.get(), idempotencyKey, body).map(IdempotentCreates.Answer::toResponse);
    }

    /**
     * {@code ?skill_id=}: the skill's evidence grouped by practice session, chronological, plus the
     * skill's own items. {@code ?practice_log_id=}: one session's. Neither: everything, newest first.
     */
    @Operation(operationId = "listEvidence", summary = "List evidence: a skill's by session, one session's, or all the caller's")
    @APIResponse(responseCode = "200", description = "with skill_id: the skill's evidence grouped by session; otherwise a page of evidence", content = @Content(mediaType = "application/json", schema = @Schema(anyOf = { EvidenceBySkill.class, Page.class })))
    @APIResponse(responseCode = "404", description = "the skill or log named is not the caller's")
    @GET
    public Uni<Object> list(
            @QueryParam("skill_id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String skillId,
            @QueryParam("practice_log_id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String practiceLogId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        Caller who = caller.get();
        UUID skill = QueryParameters.uuid("skill_id", skillId);
        UUID log = QueryParameters.uuid("practice_log_id", practiceLogId);
        PageCursor after = PageCursor.decode(cursor);
        if (skill != null) {
            return service.ofSkill(who, skill, after, limit + 1)
                    .map(rows -> {
                        boolean more = rows.size() > limit;
                        var shown = more ? rows.subList(0, limit) : rows;
                        String next = more ? EvidenceMapper.byChronology(shown.get(shown.size() - 1)).encode() : null;
                        return EvidenceMapper.bySkill(skill, shown, next);
                    });
        }
        if (log != null) {
            return service.ofLog(who, log, after, limit + 1)
                    .map(rows -> Page.of(rows, limit, EvidenceMapper::byCreation, EvidenceMapper::toResponse));
        }
        return service.newestFirst(who, after, limit + 1)
                .map(rows -> Page.of(rows, limit, EvidenceMapper::byCreation, EvidenceMapper::toResponse));
    }

    /** Every item of the caller's evidence, newest first, a page at a time (the account's export gathers it). */
    @Operation(operationId = "exportEvidence", summary = "Export all of the caller's evidence, newest first")
    @APIResponse(responseCode = "200", description = "every item, as one JSON array, streamed", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = EvidenceResponse.class)))
    @GET
    @Path("/export")
    public Multi<EvidenceResponse> export() {
        Caller who = caller.get();
        return KeysetPages.all(after -> service.newestFirst(who, after, EXPORT_PAGE), EXPORT_PAGE, EvidenceMapper::byCreation)
                .map(EvidenceMapper::toResponse);
    }

    @Operation(operationId = "getEvidence", summary = "Get one item of evidence")
    @APIResponse(responseCode = "200", description = "the evidence, its version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = EvidenceResponse.class)))
    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("evidence"))
                .map(EvidenceResource::ok);
    }

    /** A merge patch of what the item says: {@code url}, {@code text} or {@code file}. */
    @Operation(operationId = "updateEvidence", summary = "Change what an item of evidence says (JSON merge patch)")
    @APIResponse(responseCode = "200", description = "the changed evidence, its new version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = EvidenceResponse.class)))
    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    public Uni<Response> update(@PathParam("id") UUID id, @NotNull JsonNode body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.update(caller.get(), id, body, ifMatch).map(EvidenceResource::ok);
    }

    @Operation(operationId = "deleteEvidence", summary = "Delete an item of evidence")
    @APIResponse(responseCode = "204", description = "deleted")
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(caller.get(), id, ifMatch).replaceWith(Response.noContent().build());
    }

    private static Response ok(Evidence evidence) {
        return ResourceResponses.ok(EvidenceMapper.toResponse(evidence), evidence.version);
    }
}
