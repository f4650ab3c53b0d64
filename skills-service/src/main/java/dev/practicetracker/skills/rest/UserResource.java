package dev.practicetracker.skills.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.skills.export.AccountExport;
import dev.practicetracker.skills.service.UserErasureService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

@Path("/users/me")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "The caller's account: export and erasure of everything they stored")
public class UserResource {

    /** What the caller is told: erasure has started everywhere and is done here. */
    public record ErasureAccepted(UUID userId, Instant erasedAt) {
    }

    /** The export's shape, for the OpenAPI document: each part is as its own service's API answers it. */
    @Schema(name = "AccountExport")
    public record ExportDocument(
            @Schema(required = true) UUID userId,
            @Schema(required = true) Instant exportedAt,
            @Schema(required = true, description = "the caller's skills as GET /skills/{id} answers them, each with \"milestones\" as GET /skills/{id}/milestones lists them") List<Map<String, Object>> skills,
            @Schema(required = true, description = "every log, as GET /practice-logs/export?format=json") List<Map<String, Object>> practiceLogs,
            @Schema(required = true, description = "every live session, as GET /practice-sessions/export") List<Map<String, Object>> practiceSessions,
            @Schema(required = true, description = "every item of evidence, as GET /evidence/export") List<Map<String, Object>> evidence,
            @Schema(required = true, description = "goals, settings, skip days and share links, as GET /progress/export") Map<String, Object> progress) {
    }

    private final UserErasureService erasure;
    private final AccountExport export;
    private final CurrentCaller caller;

    public UserResource(UserErasureService erasure, AccountExport export, CurrentCaller caller) {
        this.erasure = erasure;
        this.export = export;
        this.caller = caller;
    }

    /**
     * Everything the erasure would delete, from every service, as one JSON document streamed
     * (GDPR Art. 20). Served as {@code application/json}; declared as bytes to the framework, which
     * would otherwise frame the streamed parts as a JSON array.
     */
    @Operation(operationId = "exportMe", summary = "Export everything of the caller's, from every service, as one JSON document")
    @APIResponse(responseCode = "200", description = "the whole account, streamed as an attachment; a service that fails midway breaks the transfer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportDocument.class)))
    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public RestMulti<Buffer> exportMe() {
        return RestMulti.fromMultiData(export.of(caller.get(), caller.bearerToken()))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"practice-tracker-export.json\"").build();
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
