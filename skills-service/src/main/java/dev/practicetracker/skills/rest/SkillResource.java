package dev.practicetracker.skills.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.paging.Page;
import dev.practicetracker.platform.paging.PageCursor;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.skills.mapping.CreateSkillRequest;
import dev.practicetracker.skills.mapping.SkillMapper;
import dev.practicetracker.skills.mapping.SkillResponse;
import dev.practicetracker.skills.repository.SkillRepository;
import dev.practicetracker.skills.service.SkillService;
import io.smallrye.mutiny.Uni;

@Path("/skills")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Skills")
public class SkillResource {

    private final SkillService service;
    private final CurrentCaller caller;

    public SkillResource(SkillService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateSkillRequest body) {
        return service.create(caller.get(), body)
                .map(skill -> ResourceResponses.created("/skills", skill.id, SkillMapper.toResponse(skill), skill.version));
    }

    @GET
    public Uni<Page<SkillResponse>> list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("tag") String tag,
            @QueryParam("q") String q) {
        return service.page(caller.get(), PageCursor.decode(cursor), blankToNull(tag), blankToNull(q), limit)
                .map(rows -> Page.of(rows, limit, SkillRepository::cursorOf, SkillMapper::toResponse));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("skill"))
                .map(skill -> ResourceResponses.ok(SkillMapper.toResponse(skill), skill.version));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
