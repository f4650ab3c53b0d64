package dev.practicetracker.practicelog.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.Caller;
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
    private final IdempotentCreates idempotentCreates;
    private final CurrentCaller caller;

    public PracticeLogResource(PracticeLogService service, IdempotentCreates idempotentCreates, CurrentCaller caller) {
        this.service = service;
        this.idempotentCreates = idempotentCreates;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreatePracticeLogRequest body,
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        Caller who = caller.get();
        return idempotentCreates.create(who.userId(), idempotencyKey, body, () -> service.create(who, body)
                .map(log -> new IdempotentCreates.Created("/practice-logs/" + log.id, log.version, PracticeLogMapper.toResponse(log))));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("practice log"))
                .map(log -> ResourceResponses.ok(PracticeLogMapper.toResponse(log), log.version));
    }
}
