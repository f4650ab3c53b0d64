package dev.practicetracker.platform.ratelimit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.practicetracker.platform.security.Roles;

/** Operations of each class, for RateLimitTest: each answers with no body. */
@Path("/limited")
@RolesAllowed(Roles.USER)
public class RateLimitedResource {

    @Operation(operationId = "writeOne", summary = "a write")
    @APIResponse(responseCode = "204", description = "written")
    @POST
    public Response write() {
        return Response.noContent().build();
    }

    @Operation(operationId = "readAll", summary = "a read")
    @APIResponse(responseCode = "204", description = "read")
    @GET
    public Response read() {
        return Response.noContent().build();
    }

    @Operation(operationId = "exportAll", summary = "an export")
    @APIResponse(responseCode = "204", description = "exported")
    @GET
    @Path("/export")
    public Response export() {
        return Response.noContent().build();
    }
}
