package dev.practicetracker.practicelog.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.practicelog.mapping.CreatePracticeLogRequest;
import dev.practicetracker.practicelog.mapping.PracticeLogMapper;
import dev.practicetracker.practicelog.service.PracticeLogService;
import io.smallrye.mutiny.Uni;

@Path("/practice-logs")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Practice logs")
public class PracticeLogResource {

    private final PracticeLogService service;
    private final CurrentCaller caller;

    public PracticeLogResource(PracticeLogService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreatePracticeLogRequest body) {
        return service.create(caller.get(), body)
                .map(log -> ResourceResponses.created("/practice-logs", log.id, PracticeLogMapper.toResponse(log), log.version));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("practice log"))
                .map(log -> ResourceResponses.ok(PracticeLogMapper.toResponse(log), log.version));
    }
}
