package dev.practicetracker.progress.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.QueryParameters;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.skills.SkillsServiceGateway;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.progress.analytics.Calendar;
import dev.practicetracker.progress.analytics.PracticeDay;
import dev.practicetracker.progress.analytics.ProgressCalculator;
import dev.practicetracker.progress.analytics.WeeklyGoal;
import dev.practicetracker.progress.mapping.BreakdownResponse;
import dev.practicetracker.progress.mapping.GoalsResponse;
import dev.practicetracker.progress.mapping.PatternsResponse;
import dev.practicetracker.progress.mapping.ProgressMapper;
import dev.practicetracker.progress.mapping.Reminder;
import dev.practicetracker.progress.mapping.SkillProgressResponse;
import dev.practicetracker.progress.mapping.UserProgressResponse;
import dev.practicetracker.progress.repository.GoalRepository;
import dev.practicetracker.progress.repository.InsightRepository;
import dev.practicetracker.progress.repository.KnownSkillRepository;
import dev.practicetracker.progress.repository.ProgressReadRepository;
import dev.practicetracker.progress.repository.StoredSkillProgress;
import dev.practicetracker.progress.svg.BadgeSvg;
import dev.practicetracker.progress.svg.CalendarSvg;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Answers every progress question from the cached read model: one indexed lookup, then the
 * figures that depend on "today" in the caller's zone.
 */
@ApplicationScoped
public class ProgressService {

    /** The longest range a summary or calendar covers in one answer. */
    static final int MAX_DAYS = 3 * 366;

    private final ProgressReadRepository progress;
    private final KnownSkillRepository skills;
    private final GoalRepository goals;
    private final InsightRepository insights;
    private final SkillsServiceGateway skillsService;
    private final Pool pool;
    private final Clock clock;

    public ProgressService(ProgressReadRepository progress, KnownSkillRepository skills, GoalRepository goals, InsightRepository insights,
            SkillsServiceGateway skillsService, Pool pool, Clock clock) {
        this.progress = progress;
        this.skills = skills;
        this.goals = goals;
        this.insights = insights;
        this.skillsService = skillsService;
        this.pool = pool;
        this.clock = clock;
    }

    public LocalDate today(Caller caller) {
        return caller.localDateOf(Instant.now(clock));
    }

    /**
     * The caller's skill as stored; 404 for anyone else's (or a deleted one). A skill too new for its
     * event to have arrived is confirmed with the skills-service (read-your-writes): zeros, not 404.
     */
    public Uni<StoredSkillProgress> callersSkill(Caller caller, UUID skillId) {
        return progress.find(skillId).chain(stored -> switch (stored.visibilityTo(caller.userId())) {
            case VISIBLE -> Uni.createFrom().item(stored);
            case NOT_THE_CALLERS -> Uni.createFrom().failure(ProblemException.notFound("skill"));
            case UNKNOWN -> skillsService.callersSkill(skillId)
                    .onItem().ifNull().failWith(() -> ProblemException.notFound("skill"))
                    .call(skill -> skills.save(pool, skill, Timestamps.now(clock)))
                    .map(skill -> StoredSkillProgress.unpractised(skillId, skill.userId(), skill.name(), skill.targetHours()));
        });
    }

    public Uni<SkillProgressResponse> skill(Caller caller, UUID skillId) {
        return callersSkill(caller, skillId).map(stored -> ProgressMapper.toResponse(stored, today(caller)));
    }

    public Uni<UserProgressResponse> overview(Caller caller) {
        LocalDate today = today(caller);
        return progress.user(caller.userId()).chain(user -> visibleSkills(caller).map(skills -> new UserProgressResponse(
                ProgressMapper.toUser(user, today),
                skills.stream().map(stored -> ProgressMapper.toResponse(stored, today))
                        .sorted(Comparator.comparingLong(SkillProgressResponse::totalMinutes).reversed()).toList(),
                user.asOf())));
    }

    /** Weekly or monthly buckets (default: the last 12) of one skill of the caller's, or of all of them ({@code skillId} null). */
    public Uni<List<Calendar.Bucket>> summary(Caller caller, UUID skillId, Calendar.Period period, LocalDate from, LocalDate to) {
        LocalDate today = today(caller);
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : Calendar.startOf(end, period).minus(11, period == Calendar.Period.WEEK
                ? ChronoUnit.WEEKS : ChronoUnit.MONTHS);
        requireRange(start, end);
        Uni<List<PracticeDay>> days = skillId == null ? progress.user(caller.userId()).map(user -> user.history().days())
                : callersSkill(caller, skillId).map(stored -> stored.history().days());
        return days.map(practised -> Calendar.buckets(practised, period, start, end));
    }

    /** When the caller practises, over a range of local days (either end open), all skills or one of theirs. */
    public Uni<PatternsResponse> patterns(Caller caller, UUID skillId, LocalDate from, LocalDate to) {
        LocalDate start = from == null ? QueryParameters.FIRST_DATE : from;
        LocalDate end = to == null ? QueryParameters.LAST_DATE : to;
        requireOrdered(start, end);
        Uni<Void> allowed = skillId == null ? Uni.createFrom().voidItem() : callersSkill(caller, skillId).replaceWithVoid();
        return allowed.chain(() -> insights.patterns(caller.userId(), skillId, start, end)).map(PatternsResponse::of);
    }

    /** What the caller practises, by tag, category or activity type, over a range of local days (either end open). */
    public Uni<BreakdownResponse> breakdown(Caller caller, InsightRepository.By by, LocalDate from, LocalDate to) {
        LocalDate start = from == null ? QueryParameters.FIRST_DATE : from;
        LocalDate end = to == null ? QueryParameters.LAST_DATE : to;
        requireOrdered(start, end);
        return insights.breakdown(caller.userId(), by, start, end).map(shares -> new BreakdownResponse(by.name().toLowerCase(Locale.ROOT),
                shares.stream().map(share -> new BreakdownResponse.Item(share.key(), share.sessions(), share.minutes())).toList()));
    }

    /** Every day of the range (default: the last 365 days), for one skill of the caller's or all of them. */
    public Uni<List<Calendar.Day>> calendar(Caller caller, UUID skillId, LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : today(caller);
        LocalDate start = from != null ? from : end.minusDays(364);
        requireRange(start, end);
        return skillId == null
                ? progress.user(caller.userId()).map(user -> Calendar.days(user.history().days(), start, end, user.rules()))
                : callersSkill(caller, skillId).map(stored -> Calendar.days(stored.history().days(), start, end, stored.rules()));
    }

    public Uni<GoalsResponse> goals(Caller caller) {
        return goals.find(caller.userId()).chain(set -> attainment(caller, set));
    }

    public Uni<GoalsResponse> setGoals(Caller caller, Integer weeklyMinutes, Integer weeklySessions) {
        return goals.save(caller.userId(), weeklyMinutes, weeklySessions, Timestamps.now(clock)).chain(set -> attainment(caller, set));
    }

    /** Sets the weekly goal of a skill of the caller's (404 for anyone else's): the skill's progress with it. */
    public Uni<SkillProgressResponse> setSkillGoal(Caller caller, UUID skillId, Integer weeklyMinutes, Integer weeklySessions) {
        if (weeklyMinutes == null && weeklySessions == null) {
            throw ProblemException.invalid("weekly_minutes", "set weekly_minutes, weekly_sessions or both");
        }
        return callersSkill(caller, skillId)
                .call(skill -> goals.saveSkillGoal(skillId, caller.userId(), weeklyMinutes, weeklySessions, Timestamps.now(clock)))
                .chain(skill -> progress.findFresh(skillId)).map(stored -> ProgressMapper.toResponse(stored, today(caller)));
    }

    /** Removes the weekly goal of a skill of the caller's; 404 for anyone else's skill, or one without a goal. */
    public Uni<Void> deleteSkillGoal(Caller caller, UUID skillId) {
        return callersSkill(caller, skillId).chain(skill -> goals.deleteSkillGoal(skillId, caller.userId()))
                .invoke(deleted -> {
                    if (!deleted) {
                        throw ProblemException.notFound("goal");
                    }
                }).replaceWithVoid();
    }

    /** The caller's live skills not practised in the last {@code days} days (or never), stalest first. */
    public Uni<List<Reminder>> reminders(Caller caller, int days) {
        LocalDate today = today(caller);
        return visibleSkills(caller).map(skills -> ProgressMapper.reminders(skills, today, days));
    }

    /** The badge of a user's current streak, on their {@code today}. */
    public Uni<String> badgeSvg(UUID userId, LocalDate today) {
        return progress.user(userId).map(user -> BadgeSvg.render(ProgressCalculator.currentStreak(user.history().days(), today,
                user.rules())));
    }

    /** A skill's heatmap of the days from {@code from} (default: 52 weeks before {@code to}, from a Monday) to {@code to}. */
    public String calendarSvg(StoredSkillProgress stored, LocalDate from, LocalDate to) {
        LocalDate start = from != null ? from : Calendar.startOf(to.minusWeeks(51), Calendar.Period.WEEK);
        requireRange(start, to);
        return CalendarSvg.render((stored.skillName() == null ? "Practice" : stored.skillName()) + " — practice",
                Calendar.days(stored.history().days(), start, to, stored.rules()));
    }

    private Uni<List<StoredSkillProgress>> visibleSkills(Caller caller) {
        return progress.visibleSkills(pool, caller.userId());
    }

    private Uni<GoalsResponse> attainment(Caller caller, GoalRepository.Goals set) {
        LocalDate today = today(caller);
        WeeklyGoal goal = new WeeklyGoal(set.weeklyMinutes(), set.weeklySessions());
        return progress.user(caller.userId()).map(user -> {
            WeeklyGoal.Attainment week = goal.attainment(user.history().days(), today);
            return new GoalsResponse(set.weeklyMinutes(), set.weeklySessions(), week.weekStart(), week.minutes(), week.sessions(),
                    percent(week.minutes(), set.weeklyMinutes()), percent(week.sessions(), set.weeklySessions()), week.met(), set.version());
        });
    }

    private static Double percent(int done, Integer goal) {
        return goal == null ? null : Math.round(1000.0 * done / goal) / 10.0;
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        requireOrdered(from, to);
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalid("from", "the range may cover at most " + MAX_DAYS + " days");
        }
    }

    private static void requireOrdered(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
    }
}
