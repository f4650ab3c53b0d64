package dev.practicetracker.practicelog.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.paging.KeysetPages;
import dev.practicetracker.platform.paging.Page;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.QueryParameters;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.practicelog.HistoryQuery;
import dev.practicetracker.practicelog.PracticeSession;
import dev.practicetracker.practicelog.mapping.CompleteSessionRequest;
import dev.practicetracker.practicelog.mapping.HistoryFilter;
import dev.practicetracker.practicelog.mapping.PracticeLogMapper;
import dev.practicetracker.practicelog.mapping.PracticeLogResponse;
import dev.practicetracker.practicelog.mapping.SessionResponse;
import dev.practicetracker.practicelog.mapping.SessionStats;
import dev.practicetracker.practicelog.mapping.StartSessionRequest;
import dev.practicetracker.practicelog.service.PracticeSessionService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Path("/practice-sessions")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Live practice sessions", description = "Timed sessions that become practice logs when they end")
public class PracticeSessionResource {

    /** Rows read per round trip while exporting. */
    static final int EXPORT_PAGE = 500;

    private final PracticeSessionService service;
    private final CurrentCaller caller;

    public PracticeSessionResource(PracticeSessionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** Starts a live timed session of a skill (optionally with planned minutes): 201; 409 while one of that skill is live. */
    @Operation(operationId = "startSession", summary = "Start a live timed session")
    @APIResponse(responseCode = "201", description = "the session, at its Location", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "404", description = "the skill is not the caller's")
    @APIResponse(responseCode = "409", description = "a session of this skill is already live (active or paused)")
    @POST
    public Uni<Response> start(@Valid @NotNull StartSessionRequest body, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        return service.start(caller.get(), idempotencyKey, body).map(IdempotentCreates.Answer::toResponse);
    }

    /**
     * Ends a live (active or paused) session. {@code completed} or {@code partial} of at least a
     * practised minute: 201 with the practice log it became. {@code abandoned} (or under a minute): 200
     * with the ended session. Without {@code completion}, the planned minutes decide it.
     */
    @Operation(operationId = "completeSession", summary = "End a live session")
    @APIResponse(responseCode = "201", description = "completed or partial, a minute or more: the log it became", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PracticeLogResponse.class)))
    @APIResponse(responseCode = "200", description = "abandoned, or under a minute: the ended session", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "409", description = "the session has already ended")
    @POST
    @Path("/{id}/complete")
    public Uni<Response> complete(@PathParam("id") UUID id, @Valid @NotNull CompleteSessionRequest body) {
        return service.complete(caller.get(), id, body).map(ended -> ended.log() == null
                ? ResourceResponses.ok(SessionResponse.of(ended.session()), ended.session().version())
                : Response.created(URI.create("/practice-logs/" + ended.log().id))
                        .entity(PracticeLogMapper.toResponse(ended.log()))
                        .tag(ResourceResponses.etag(ended.log().version)).build());
    }

    /** Pauses an active session: 200 with it, now {@code paused}; 409 unless it is active. */
    @Operation(operationId = "pauseSession", summary = "Pause a live session")
    @APIResponse(responseCode = "200", description = "the paused session", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "409", description = "the session is not active (paused already, or ended)")
    @POST
    @Path("/{id}/pause")
    @Consumes(MediaType.WILDCARD) // no body: whatever a client labels the empty one with
    public Uni<Response> pause(@PathParam("id") UUID id) {
        return service.pause(caller.get(), id).map(session -> ResourceResponses.ok(SessionResponse.of(session), session.version()));
    }

    /** Resumes a paused session: 200 with it, {@code active} again; 409 unless it is paused. */
    @Operation(operationId = "resumeSession", summary = "Resume a paused session")
    @APIResponse(responseCode = "200", description = "the active session", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "409", description = "the session is not paused")
    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.WILDCARD) // no body: whatever a client labels the empty one with
    public Uni<Response> resume(@PathParam("id") UUID id) {
        return service.resume(caller.get(), id).map(session -> ResourceResponses.ok(SessionResponse.of(session), session.version()));
    }

    /** The caller's sessions, newest first, in keyset pages; {@code ?status=active} for the running ones. */
    @Operation(operationId = "listSessions", summary = "List the caller's sessions, newest first")
    @GET
    public Uni<Page<SessionResponse>> list(
            @QueryParam("status") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "active", "paused", "completed", "partial", "abandoned" })) String status,
            @QueryParam("skill_id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String skillId,
            @QueryParam("from") @Parameter(description = "started on or after: a day (YYYY-MM-DD, in the caller's zone) or an instant (ISO-8601)") String from,
            @QueryParam("to") @Parameter(description = "started on or before: a day (YYYY-MM-DD, in the caller's zone) or an instant (ISO-8601)") String to,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        PracticeSession.Status wanted = statusOf(status);
        HistoryQuery query = HistoryFilter.of(caller.get(), skillId, from, to, cursor);
        return service.page(query, wanted, limit + 1)
                .map(rows -> Page.of(rows, limit, SessionResponse::cursorOf, SessionResponse::of));
    }

    /** Every session of the caller, newest first, a page at a time (the account's export gathers it). */
    @Operation(operationId = "exportPracticeSessions", summary = "Export all of the caller's sessions, newest first")
    @APIResponse(responseCode = "200", description = "every session, as one JSON array, streamed", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = SessionResponse.class)))
    @GET
    @Path("/export")
    public Multi<SessionResponse> export() {
        UUID user = caller.get().userId();
        return KeysetPages.all(after -> service.page(new HistoryQuery(user, null, null, null, after), null, EXPORT_PAGE), EXPORT_PAGE,
                SessionResponse::cursorOf).map(SessionResponse::of);
    }

    @Operation(operationId = "sessionStats", summary = "Session statistics")
    @GET
    @Path("/stats")
    public Uni<SessionStats> stats(@QueryParam("skill_id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String skillId) {
        return service.stats(caller.get(), QueryParameters.uuid("skill_id", skillId));
    }

    private static PracticeSession.Status statusOf(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PracticeSession.Status.of(status.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of: active, paused, completed, partial, abandoned");
        }
    }
}
