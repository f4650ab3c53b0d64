package dev.practicetracker.practicelog.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.StreamingOutput;

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

import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.paging.Page;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.LargeBody;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.practicelog.HistoryQuery;
import dev.practicetracker.practicelog.feed.ChangeFeed;
import dev.practicetracker.practicelog.feed.ChangePage;
import dev.practicetracker.practicelog.PracticeLog;
import dev.practicetracker.practicelog.mapping.CreatePracticeLogRequest;
import dev.practicetracker.practicelog.mapping.HistoryFilter;
import dev.practicetracker.practicelog.mapping.LogFields;
import dev.practicetracker.practicelog.mapping.PracticeLogMapper;
import dev.practicetracker.practicelog.mapping.PracticeLogResponse;
import dev.practicetracker.practicelog.mapping.QuickLogRequest;
import dev.practicetracker.practicelog.service.PracticeLogService;
import dev.practicetracker.practicelog.service.QuickLogs;
import dev.practicetracker.practicelog.transfer.ForeignImport;
import dev.practicetracker.practicelog.transfer.ImportParser;
import dev.practicetracker.practicelog.transfer.ImportResult;
import dev.practicetracker.practicelog.transfer.ImportSource;
import dev.practicetracker.practicelog.transfer.PracticeLogExport;
import dev.practicetracker.practicelog.transfer.PracticeLogImport;
import io.smallrye.mutiny.Uni;

@Path("/practice-logs")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Practice logs", description = "Each practice session of a skill: logged, listed, changed, imported and exported")
public class PracticeLogResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String CSV = "text/csv";

    private final PracticeLogService service;
    private final QuickLogs quickLogs;
    private final PracticeLogImport importer;
    private final ImportParser parser;
    private final PracticeLogExport exporter;
    private final ForeignImport foreignImport;
    private final ChangeFeed changes;
    private final CurrentCaller caller;

    public PracticeLogResource(PracticeLogService service, QuickLogs quickLogs, PracticeLogImport importer, ImportParser parser,
            ForeignImport foreignImport, PracticeLogExport exporter, ChangeFeed changes, CurrentCaller caller) {
        this.service = service;
        this.quickLogs = quickLogs;
        this.importer = importer;
        this.parser = parser;
        this.foreignImport = foreignImport;
        this.exporter = exporter;
        this.changes = changes;
        this.caller = caller;
    }

    @Operation(operationId = "createPracticeLog", summary = "Log a practice session")
    @APIResponse(responseCode = "201", description = "the log, at its Location, its version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PracticeLogResponse.class)))
    @APIResponse(responseCode = "404", description = "the skill is not the caller's")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatePracticeLogRequest.class),
            examples = @ExampleObject(name = "evening", summary = "45 minutes of practice", value = """
                    {"skill_id": "0192f0c4-5b1e-7cc3-9a51-2b8e0d6f4a10", "date_practiced": "2026-11-21T18:30:00Z", "duration": 45,
                     "description": "Practiced SQL window functions", "difficulty_rating": 3, "confidence_rating": 4,
                     "activity_type": "practice"}""")))
    @POST
    public Uni<Response> create(@NotNull CreatePracticeLogRequest body, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        return service.create(caller.get(), idempotencyKey, body, body.skillId(), body.fields()).map(IdempotentCreates.Answer::toResponse);
    }

    /** One tap: {@code {"skill_id", "preset": "15m"|"30m"|"1h"}} (or {@code duration}), dated now. */
    @Operation(operationId = "quickLog", summary = "Log a session with one tap: a preset duration, dated now")
    @APIResponse(responseCode = "201", description = "the log, at its Location, its version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PracticeLogResponse.class)))
    @APIResponse(responseCode = "404", description = "the skill is not the caller's")
    @POST
    @Path("/quick")
    public Uni<Response> quick(@NotNull QuickLogRequest body, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        LogFields fields = quickLogs.fieldsOf(body);
        return service.create(caller.get(), idempotencyKey, body, body.skillId(), fields).map(IdempotentCreates.Answer::toResponse);
    }

    @Operation(operationId = "listPracticeLogs", summary = "List the caller's logs, newest first")
    @GET
    public Uni<Page<PracticeLogResponse>> list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("skill_id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String skillId,
            @QueryParam("from") @Parameter(description = "a day (YYYY-MM-DD, in the caller's zone) or an instant (ISO-8601)") String from,
            @QueryParam("to") @Parameter(description = "a day (YYYY-MM-DD, in the caller's zone) or an instant (ISO-8601)") String to) {
        HistoryQuery query = HistoryFilter.of(caller.get(), skillId, from, to, cursor);
        return service.page(query, limit)
                .map(rows -> Page.of(rows, limit, PracticeLogMapper::cursorOf, PracticeLogMapper::toResponse));
    }

    /**
     * For offline clients: creates, changes and deletions in commit order. A client applies each page
     * and asks again with {@code since=next_cursor}; nothing is missed or repeated, also while the
     * caller's other devices write.
     */
    @Operation(operationId = "listPracticeLogChanges", summary = "The caller's log changes after a cursor, in commit order (offline sync)")
    @APIResponse(responseCode = "200", description = "the changes after since, oldest first", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "410", description = "since may have missed a deletion no longer kept (they are kept 30 days), or is of a feed erased since: sync again without since")
    @GET
    @Path("/changes")
    public Uni<ChangePage> changes(
            @QueryParam("since") @Parameter(description = "a next_cursor of an earlier page; none to start from the beginning") String since,
            @QueryParam("limit") @DefaultValue("" + ChangeFeed.DEFAULT_LIMIT) @Min(1) @Max(ChangeFeed.MAX_LIMIT) int limit) {
        return changes.page(caller.get(), since, limit);
    }

    @Operation(operationId = "getPracticeLog", summary = "Get a practice log")
    @APIResponse(responseCode = "200", description = "the log, its version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PracticeLogResponse.class)))
    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("practice log"))
                .map(PracticeLogResource::ok);
    }

    /** A JSON merge patch of date_practiced, duration, description, the ratings, activity_type and milestone_id. */
    @Operation(operationId = "updatePracticeLog", summary = "Change a practice log (JSON merge patch)")
    @APIResponse(responseCode = "200", description = "the changed log, its new version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PracticeLogResponse.class)))
    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    public Uni<Response> update(@PathParam("id") UUID id, @NotNull JsonNode body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.update(caller.get(), id, body, ifMatch).map(PracticeLogResource::ok);
    }

    @Operation(operationId = "deletePracticeLog", summary = "Delete a practice log")
    @APIResponse(responseCode = "204", description = "deleted")
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(caller.get(), id, ifMatch).replaceWith(Response.noContent().build());
    }

    /**
     * Bulk import of up to 10 000 rows (≤ 10 MiB), all or nothing: our own CSV with a header row or
     * JSON array ({@code source=native}), or another tracker's export. {@code ?dry_run=true} only
     * validates.
     */
    @Operation(operationId = "importPracticeLogs", summary = "Import logs from CSV or JSON, or another tracker's export, all or nothing")
    @APIResponse(responseCode = "201", description = "imported", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "200", description = "a dry run: every row is valid; or another tracker's export with nothing new to import", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "404", description = "a skill was deleted meanwhile")
    @APIResponse(responseCode = "503", description = "create_skills: the skills-service cannot create the skills right now")
    @POST
    @Path("/import")
    @LargeBody
    @Consumes({ CSV, MediaType.APPLICATION_JSON })
    public Uni<Response> importLogs(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @QueryParam("source") @DefaultValue("native") @Parameter(description = "native: our CSV or JSON; toggl: a Toggl Track detailed report (CSV); clockify: a Clockify detailed report (CSV); loop: Loop Habit Tracker's Checkmarks.csv; wakatime: a WakaTime data dump (JSON)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "native", "toggl", "clockify", "loop", "wakatime" })) String source,
            @QueryParam("create_skills") @DefaultValue("false") @Parameter(description = "another tracker's export: create the skills its projects or habits name that the caller does not have") boolean createSkills,
            @QueryParam("default_duration") @DefaultValue("30") @Min(1) @Max(LogFields.MAX_DURATION) @Parameter(description = "loop: the minutes of a checked day") int defaultDuration,
            @QueryParam("dry_run") @DefaultValue("false") boolean dryRun, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        Caller who = caller.get();
        ImportSource from = ImportSource.of(source);
        if (from != ImportSource.NATIVE) {
            return foreignImport.run(who, from, body, createSkills, defaultDuration, dryRun, idempotencyKey);
        }
        var rows = contentType != null && contentType.isCompatible(MediaType.APPLICATION_JSON_TYPE) ? parser.json(body) : parser.csv(body);
        return importer.validate(who, rows).chain(valid -> dryRun
                ? Uni.createFrom().item(Response.ok(importer.dryRun(valid)).build())
                : importer.write(who, idempotencyKey, rows, valid).map(IdempotentCreates.Answer::toResponse));
    }

    /** The caller's logs (same filters as the list), streamed: {@code ?format=csv} (default) or {@code json}. */
    @Operation(operationId = "exportPracticeLogs", summary = "Export the caller's logs as CSV or JSON")
    @APIResponse(responseCode = "200", description = "every log that matches, newest first, as an attachment", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PracticeLogResponse.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, description = "a header row, then one row per log")) })
    @GET
    @Path("/export")
    @Produces({ CSV, MediaType.APPLICATION_JSON })
    public Response export(@QueryParam("format") @DefaultValue("csv") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "csv", "json" })) String format,
            @QueryParam("skill_id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String skillId, @QueryParam("from") @Parameter(description = "a day (YYYY-MM-DD, in the caller's zone) or an instant (ISO-8601)") String from, @QueryParam("to") @Parameter(description = "a day (YYYY-MM-DD, in the caller's zone) or an instant (ISO-8601)") String to) {
        HistoryQuery query = HistoryFilter.of(caller.get(), skillId, from, to, null);
        return switch (format) {
            case "csv" -> Response.ok((StreamingOutput) output -> exporter.writeCsv(query, output))
                    .type(CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"practice-logs.csv\"").build();
            case "json" -> Response.ok((StreamingOutput) output -> exporter.writeJson(query, output))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"practice-logs.json\"").build();
            default -> throw ProblemException.invalid("format", "must be csv or json");
        };
    }

    private static Response ok(PracticeLog log) {
        return ResourceResponses.ok(PracticeLogMapper.toResponse(log), log.version);
    }
}
