package dev.practicetracker.progress.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.paging.Page;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.progress.mapping.ShareLinkRequest;
import dev.practicetracker.progress.mapping.ShareLinkResponse;
import dev.practicetracker.progress.service.ShareLinksService;
import io.smallrye.mutiny.Uni;

/** The caller's share links: URLs that serve their badge or a skill's heatmap without a token, until deleted. */
@Path("/progress/share-links")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress")
public class ShareLinksResource {

    private final ShareLinksService links;
    private final CurrentCaller caller;

    public ShareLinksResource(ShareLinksService links, CurrentCaller caller) {
        this.links = links;
        this.caller = caller;
    }

    @Operation(operationId = "createShareLink", summary = "Share the caller's streak badge or a skill's heatmap by a public URL")
    @APIResponse(responseCode = "201", description = "the link; its url serves the SVG to anyone",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ShareLinkResponse.class)))
    @APIResponse(responseCode = "404", description = "the skill named is not the caller's")
    @APIResponse(responseCode = "409", description = "the caller has the most share links a user may have (100)")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Valid @NotNull ShareLinkRequest body) {
        return links.create(caller.get(), body).map(link -> Response.status(Response.Status.CREATED).entity(link).build());
    }

    @Operation(operationId = "listShareLinks", summary = "The caller's share links, newest first")
    @GET
    public Uni<Page<ShareLinkResponse>> list() {
        return links.list(caller.get()).map(found -> new Page<>(found, null));
    }

    @Operation(operationId = "deleteShareLink", summary = "Revoke a share link: its URL answers 404 from now on")
    @APIResponse(responseCode = "204", description = "revoked")
    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return links.delete(caller.get(), id);
    }
}
