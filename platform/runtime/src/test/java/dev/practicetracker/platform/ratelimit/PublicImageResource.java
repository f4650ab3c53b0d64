package dev.practicetracker.platform.ratelimit;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A public image, served without a token, for RateLimitTest: it answers with no body. */
@Path("/public/image")
@PermitAll
@Tag(name = "Public", description = "served without a token")
public class PublicImageResource {

    @Operation(operationId = "publicImage", summary = "a public image")
    @APIResponse(responseCode = "204", description = "served")
    @GET
    public Response image() {
        return Response.noContent().build();
    }
}
