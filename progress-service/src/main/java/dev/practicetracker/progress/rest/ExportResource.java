package dev.practicetracker.progress.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.progress.mapping.ProgressExport;
import dev.practicetracker.progress.repository.GoalRepository;
import dev.practicetracker.progress.service.SettingsService;
import dev.practicetracker.progress.service.ShareLinksService;
import dev.practicetracker.progress.service.SkipDaysService;
import io.smallrye.mutiny.Uni;

/** What the caller set in this service, for the export of their account ({@code GET /users/me/export} gathers it). */
@Path("/progress/export")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress")
public class ExportResource {

    private final GoalRepository goals;
    private final SettingsService settings;
    private final SkipDaysService skipDays;
    private final ShareLinksService shareLinks;
    private final CurrentCaller caller;

    public ExportResource(GoalRepository goals, SettingsService settings, SkipDaysService skipDays, ShareLinksService shareLinks,
            CurrentCaller caller) {
        this.goals = goals;
        this.settings = settings;
        this.skipDays = skipDays;
        this.shareLinks = shareLinks;
        this.caller = caller;
    }

    @Operation(operationId = "exportProgress", summary = "Everything the caller set here: goals, settings, breaks, share links")
    @GET
    public Uni<ProgressExport> export() {
        Caller who = caller.get();
        return Uni.combine().all().unis(goals.find(who.userId()), goals.skillGoalsOf(who.userId()), settings.get(who),
                skipDays.list(who, null, null), shareLinks.list(who))
                .with((weekly, skills, set, breaks, links) -> new ProgressExport(
                        new ProgressExport.Goals(weekly.weeklyMinutes(), weekly.weeklySessions(), skills), set, breaks, links));
    }
}
