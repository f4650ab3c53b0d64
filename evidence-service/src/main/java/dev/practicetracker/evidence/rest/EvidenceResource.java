package dev.practicetracker.evidence.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.evidence.mapping.EvidenceMapper;
import dev.practicetracker.evidence.mapping.EvidenceResponse;
import dev.practicetracker.evidence.repository.EvidenceRepository;
import dev.practicetracker.platform.paging.Page;
import dev.practicetracker.platform.paging.PageCursor;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/evidence")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence")
public class EvidenceResource {

    private final EvidenceRepository repository;
    private final CurrentCaller caller;

    public EvidenceResource(EvidenceRepository repository, CurrentCaller caller) {
        this.repository = repository;
        this.caller = caller;
    }

    /** The caller's evidence, newest first. */
    @GET
    public Uni<Page<EvidenceResponse>> list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        return repository.page(caller.get().userId(), PageCursor.decode(cursor), limit + 1)
                .map(rows -> Page.of(rows, limit, EvidenceRepository::cursorOf, EvidenceMapper::toResponse));
    }
}
