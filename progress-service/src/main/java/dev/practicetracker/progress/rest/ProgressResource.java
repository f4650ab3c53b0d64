package dev.practicetracker.progress.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.practicetracker.platform.paging.Page;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.QueryParameters;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.security.CurrentCaller;
import dev.practicetracker.platform.security.Roles;
import dev.practicetracker.progress.analytics.Calendar;
import dev.practicetracker.progress.mapping.BreakdownResponse;
import dev.practicetracker.progress.mapping.GoalsRequest;
import dev.practicetracker.progress.mapping.GoalsResponse;
import dev.practicetracker.progress.mapping.PatternsResponse;
import dev.practicetracker.progress.mapping.Reminder;
import dev.practicetracker.progress.mapping.SkillGoalRequest;
import dev.practicetracker.progress.mapping.SkillProgressResponse;
import dev.practicetracker.progress.mapping.UserProgressResponse;
import dev.practicetracker.progress.repository.InsightRepository;
import dev.practicetracker.progress.service.ProgressService;
import io.smallrye.mutiny.Uni;

@Path("/progress")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress", description = "Totals, streaks, stage, trend, calendars and summaries, computed from the practice logs")
public class ProgressResource {

    static final String SVG = "image/svg+xml";

    private final ProgressService progress;
    private final CurrentCaller caller;

    public ProgressResource(ProgressService progress, CurrentCaller caller) {
        this.progress = progress;
        this.caller = caller;
    }

    /** The caller's overview: user-level figures, and each skill, most practised first. */
    @Operation(operationId = "getProgressOverview", summary = "The caller's progress across skills")
    @GET
    public Uni<UserProgressResponse> overview() {
        return progress.overview(caller.get());
    }

    @Operation(operationId = "getSkillProgress", summary = "A skill's progress")
    @GET
    @Path("/skills/{skillId}")
    public Uni<SkillProgressResponse> skill(@PathParam("skillId") UUID skillId) {
        return progress.skill(caller.get(), skillId);
    }

    /** Buckets by week (from Monday) or month in the caller's zone, empty ones included; default: the last 12. */
    @Operation(operationId = "getSkillSummary", summary = "A skill's practice by week or month")
    @GET
    @Path("/skills/{skillId}/summary")
    public Uni<Page<Calendar.Bucket>> summary(@PathParam("skillId") UUID skillId,
            @QueryParam("period") @DefaultValue("week") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "week", "month" })) String period, @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from, @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to) {
        return progress.summary(caller.get(), skillId, periodOf(period), QueryParameters.date("from", from),
                QueryParameters.date("to", to))
                .map(buckets -> new Page<>(buckets, null));
    }

    /** The buckets of a skill's summary over all the caller's skills; default: the last 12. */
    @Operation(operationId = "getSummary", summary = "The caller's practice by week or month, across skills")
    @GET
    @Path("/summary")
    public Uni<Page<Calendar.Bucket>> summaryAcrossSkills(
            @QueryParam("period") @DefaultValue("week") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "week", "month" })) String period,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to) {
        return progress.summary(caller.get(), null, periodOf(period), QueryParameters.date("from", from), QueryParameters.date("to", to))
                .map(buckets -> new Page<>(buckets, null));
    }

    /** Sessions and minutes by weekday and by hour, each log at its local day and hour where it was written; all time by default. */
    @Operation(operationId = "getPatterns", summary = "When the caller practises: by weekday and by hour of the day")
    @APIResponse(responseCode = "200", description = "every weekday and hour, zeros included")
    @APIResponse(responseCode = "404", description = "the skill named is not the caller's")
    @GET
    @Path("/patterns")
    public Uni<PatternsResponse> patterns(@QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("skill_id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String skillId) {
        return progress.patterns(caller.get(), QueryParameters.uuid("skill_id", skillId), QueryParameters.date("from", from),
                QueryParameters.date("to", to));
    }

    /** Sessions and minutes by tag, category or activity type, most minutes first; all time by default. */
    @Operation(operationId = "getBreakdown", summary = "What the caller practises: by tag, category or activity type")
    @GET
    @Path("/breakdown")
    public Uni<BreakdownResponse> breakdown(
            @QueryParam("by") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, enumeration = { "tag", "category",
                    "activity_type" })) String by,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to) {
        return progress.breakdown(caller.get(), breakdownBy(by), QueryParameters.date("from", from), QueryParameters.date("to", to));
    }

    /** One entry per local day of the range (default: the last 365 days), for heatmaps. */
    @Operation(operationId = "getCalendar", summary = "The caller's practice calendar")
    @APIResponse(responseCode = "200", description = "every day of the range")
    @APIResponse(responseCode = "404", description = "the skill named is not the caller's")
    @GET
    @Path("/calendar")
    public Uni<Page<Calendar.Day>> calendar(@QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from, @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("skill_id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String skillId) {
        return progress.calendar(caller.get(), QueryParameters.uuid("skill_id", skillId), QueryParameters.date("from", from),
                QueryParameters.date("to", to))
                .map(days -> new Page<>(days, null));
    }

    /** A GitHub-style heatmap of the skill's last 52 weeks (or {@code ?from=&to=}). */
    @Operation(operationId = "getSkillCalendarSvg", summary = "A skill's practice heatmap as SVG")
    @APIResponse(responseCode = "200", description = "the heatmap", content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/skills/{skillId}/calendar.svg")
    @Produces(SVG)
    public Uni<Response> calendarSvg(@PathParam("skillId") UUID skillId, @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from, @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to) {
        Caller who = caller.get();
        LocalDate last = QueryParameters.date("to", to);
        LocalDate first = QueryParameters.date("from", from);
        LocalDate end = last != null ? last : progress.today(who);
        return progress.callersSkill(who, skillId).map(stored -> svg(progress.calendarSvg(stored, first, end)));
    }

    /** A shields-style badge of the caller's current streak. */
    @Operation(operationId = "getStreakBadge", summary = "The caller's current streak as an SVG badge")
    @APIResponse(responseCode = "200", description = "the badge", content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/badge.svg")
    @Produces(SVG)
    public Uni<Response> badge() {
        Caller who = caller.get();
        return progress.badgeSvg(who.userId(), progress.today(who)).map(ProgressResource::svg);
    }

    @Operation(operationId = "getGoals", summary = "The caller's weekly goal")
    @APIResponse(responseCode = "200", description = "the goal, its version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = GoalsResponse.class)))
    @GET
    @Path("/goals")
    public Uni<Response> goals() {
        return progress.goals(caller.get()).map(ProgressResource::withVersion);
    }

    /** Sets the weekly goal: {@code {"weekly_minutes": N, "weekly_sessions": N}} (either may be null). */
    @Operation(operationId = "setGoals", summary = "Set the caller's weekly goal")
    @APIResponse(responseCode = "200", description = "the goal, its new version as the ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = GoalsResponse.class)))
    @PUT
    @Path("/goals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setGoals(@Valid @NotNull GoalsRequest body) {
        return progress.setGoals(caller.get(), body.weeklyMinutes(), body.weeklySessions()).map(ProgressResource::withVersion);
    }

    /** Sets a skill's weekly goal: {@code {"weekly_minutes": N, "weekly_sessions": N}}, at least one. */
    @Operation(operationId = "setSkillGoal", summary = "Set the weekly goal of one of the caller's skills")
    @APIResponse(responseCode = "200", description = "the skill's progress, with its goal",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SkillProgressResponse.class)))
    @PUT
    @Path("/skills/{skillId}/goal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SkillProgressResponse> setSkillGoal(@PathParam("skillId") UUID skillId, @Valid @NotNull SkillGoalRequest body) {
        return progress.setSkillGoal(caller.get(), skillId, body.weeklyMinutes(), body.weeklySessions());
    }

    @Operation(operationId = "deleteSkillGoal", summary = "Remove the weekly goal of one of the caller's skills")
    @APIResponse(responseCode = "204", description = "removed")
    @DELETE
    @Path("/skills/{skillId}/goal")
    public Uni<Void> deleteSkillGoal(@PathParam("skillId") UUID skillId) {
        return progress.deleteSkillGoal(caller.get(), skillId);
    }

    /** The caller's skills not practised in {@code ?days=} (default 7) days, stalest first. */
    @Operation(operationId = "getReminders", summary = "Skills not practised for a number of days")
    @GET
    @Path("/reminders")
    public Uni<Page<Reminder>> reminders(@QueryParam("days") @DefaultValue("7") @Min(1) @Max(365) int days) {
        return progress.reminders(caller.get(), days).map(reminders -> new Page<>(reminders, null));
    }

    private static Response withVersion(GoalsResponse goals) {
        return ResourceResponses.ok(goals, goals.version());
    }

    private static Response svg(String document) {
        return Response.ok(document, SVG).header("Cache-Control", "private, max-age=300").build();
    }

    private static InsightRepository.By breakdownBy(String by) {
        return switch (by == null ? "" : by) {
            case "tag" -> InsightRepository.By.TAG;
            case "category" -> InsightRepository.By.CATEGORY;
            case "activity_type" -> InsightRepository.By.ACTIVITY_TYPE;
            default -> throw ProblemException.invalid("by", "must be tag, category or activity_type");
        };
    }

    private static Calendar.Period periodOf(String period) {
        return switch (period) {
            case "week" -> Calendar.Period.WEEK;
            case "month" -> Calendar.Period.MONTH;
            default -> throw ProblemException.invalid("period", "must be week or month");
        };
    }
}
