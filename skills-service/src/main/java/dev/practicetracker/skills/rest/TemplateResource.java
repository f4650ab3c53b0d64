package dev.practicetracker.skills.rest;

import java.net.URI;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.paging.Page;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.skills.Template;
import dev.practicetracker.skills.TemplateTag;
import dev.practicetracker.skills.mapping.AdoptRequest;
import dev.practicetracker.skills.mapping.SkillResponse;
import dev.practicetracker.skills.mapping.TemplateFields;
import dev.practicetracker.skills.mapping.TemplateResponse;
import dev.practicetracker.skills.service.TemplateService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/templates")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "The catalogue of practice templates (practice modes), adopted into skills")
public class TemplateResource {

    private final TemplateService service;
    private final CurrentCaller caller;
    private final SecurityIdentity identity;

    public TemplateResource(TemplateService service, CurrentCaller caller, SecurityIdentity identity) {
        this.service = service;
        this.caller = caller;
        this.identity = identity;
    }

    /** The active templates, by display order then name; {@code ?tag=} a tag's slug, {@code ?category=} a tag category. */
    @Operation(operationId = "listTemplates", summary = "The catalogue of practice templates")
    @GET
    public Uni<Page<TemplateResponse>> list(@QueryParam("tag") String tag,
            @QueryParam("category") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "skill", "context", "duration", "role" })) String category) {
        TemplateTag.Category wanted = categoryOf(category);
        return service.catalogue(tag == null || tag.isBlank() ? null : tag.strip(), wanted)
                .map(templates -> new Page<>(templates.stream().map(TemplateResponse::of).toList(), null));
    }

    @Operation(operationId = "getTemplate", summary = "One template of the catalogue")
    @APIResponse(responseCode = "200", description = "the template, its version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateResponse.class)))
    @GET
    @Path("/{slug}")
    public Uni<Response> get(@PathParam("slug") String slug) {
        return service.find(slug, identity.hasRole(Roles.ADMIN)).map(TemplateResource::ok);
    }

    /** Adopts the template: a new skill of the caller with its name (or the one given), roadmap, tags and type. */
    @Operation(operationId = "adoptTemplate", summary = "Adopt a template into a new skill")
    @APIResponse(responseCode = "201", description = "the new skill, at its Location", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SkillResponse.class)))
    @APIResponse(responseCode = "409", description = "the caller already has a skill of this name")
    @POST
    @Path("/{slug}/adopt")
    @RolesAllowed(Roles.USER)
    public Uni<Response> adopt(@PathParam("slug") String slug, AdoptRequest body,
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        return service.adopt(caller.get(), slug, idempotencyKey, body).map(IdempotentCreates.Answer::toResponse);
    }

    @Operation(operationId = "createTemplate", summary = "Add a template to the catalogue (admin)")
    @APIResponse(responseCode = "201", description = "the template, at its Location", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateResponse.class)))
    @APIResponse(responseCode = "409", description = "a template with this slug exists")
    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@NotNull TemplateFields body) {
        return service.create(body).map(template -> Response.created(URI.create("/templates/" + template.slug))
                .entity(TemplateResponse.of(template)).tag(ResourceResponses.etag(template.version)).build());
    }

    @Operation(operationId = "updateTemplate", summary = "Change a template (JSON merge patch; admin)")
    @APIResponse(responseCode = "200", description = "the changed template, its new version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateResponse.class)))
    @PATCH
    @Path("/{slug}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({ SkillResource.MERGE_PATCH, MediaType.APPLICATION_JSON })
    public Uni<Response> update(@PathParam("slug") String slug, @NotNull JsonNode body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.update(slug, body, ifMatch).map(TemplateResource::ok);
    }

    /** Removes a template from the catalogue; skills adopted from it stay as they are. */
    @Operation(operationId = "deleteTemplate", summary = "Delete a template (admin)")
    @APIResponse(responseCode = "204", description = "deleted")
    @DELETE
    @Path("/{slug}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> delete(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(slug, ifMatch).replaceWith(Response.noContent().build());
    }

    private static Response ok(Template template) {
        return ResourceResponses.ok(TemplateResponse.of(template), template.version);
    }

    private static TemplateTag.Category categoryOf(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return TemplateTag.Category.valueOf(category.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("category", "must be one of: skill, context, duration, role");
        }
    }
}
