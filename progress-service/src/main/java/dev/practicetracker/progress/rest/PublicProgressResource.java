package dev.practicetracker.progress.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.progress.service.ShareLinksService;
import io.smallrye.mutiny.Uni;

/**
 * What share links serve, without a token (a README, a web page): the SVG as it is now, cacheable
 * for 5 minutes by anyone, with an {@code ETag} of its content; 404 once the link is deleted or its
 * owner erased. Rate-limited per client address (the platform's public-images quota).
 */
@Path("/public/progress")
@PermitAll
@Tag(name = "Public", description = "What share links serve to anyone, without a token")
public class PublicProgressResource {

    private static final String SVG = "image/svg+xml";
    private static final CacheControl FIVE_MINUTES = CacheControl.valueOf("public, max-age=300");

    private final ShareLinksService links;

    public PublicProgressResource(ShareLinksService links) {
        this.links = links;
    }

    @Operation(operationId = "getSharedSvg", summary = "A shared badge or heatmap, by its share link")
    @APIResponse(responseCode = "200", description = "the SVG", content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "no such link, or it was revoked")
    @GET
    @Path("/{token}.svg")
    @Produces(SVG)
    public Uni<Response> svg(@PathParam("token") String token, @Context Request request) {
        return links.render(token).map(svg -> {
            EntityTag etag = new EntityTag(digest(svg));
            Response.ResponseBuilder unchanged = request.evaluatePreconditions(etag);
            Response.ResponseBuilder answer = unchanged != null ? unchanged : Response.ok(svg, SVG);
            return answer.tag(etag).cacheControl(FIVE_MINUTES).build();
        });
    }

    private static String digest(String svg) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(svg.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
