package dev.practicetracker.progress.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.GoalMetData;
import dev.practicetracker.events.LevelReachedData;
import dev.practicetracker.events.SkillProgressData;
import dev.practicetracker.events.StageReachedData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.progress.analytics.Calendar;
import dev.practicetracker.progress.analytics.PracticeDay;
import dev.practicetracker.progress.analytics.ProgressCalculator;
import dev.practicetracker.progress.analytics.Stage;
import dev.practicetracker.progress.analytics.StreakRules;
import dev.practicetracker.progress.analytics.WeeklyGoal;
import dev.practicetracker.progress.mapping.ProgressMapper;
import dev.practicetracker.progress.mapping.SkillGoalResponse;
import dev.practicetracker.progress.mapping.SkillProgressResponse;
import dev.practicetracker.progress.repository.GoalRepository;
import dev.practicetracker.progress.repository.PublishedSkills;
import dev.practicetracker.progress.repository.PublishedSkills.GoalMet;
import dev.practicetracker.progress.repository.PublishedSkills.Moved;
import dev.practicetracker.progress.repository.PublishedSkills.Reached;
import dev.practicetracker.progress.repository.RecomputedSkills;
import dev.practicetracker.progress.repository.StreakWatch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Publishes on progress-events what a recompute of skills' figures moved, in the transaction that
 * made it (through the outbox): {@code skill-progress.changed.v1} for each skill whose stored figures
 * differ from the last published ones, {@code level.reached.v1} / {@code stage.reached.v1} for
 * each level and stage a skill reaches for the first time, and {@code goal.met.v1} for each weekly
 * goal (a skill's, or its user's across skills) that the week of the change meets, once a week. A recompute that moved nothing (a
 * duplicate event, a rebuild) publishes nothing. Each event's id is derived from the fact it states,
 * so the same fact carries the same {@code ce_id} however often it is published.
 */
@ApplicationScoped
public class ProgressPublisher implements RecomputedSkills {

    private final PublishedSkills published;
    private final GoalRepository goals;
    private final StreakWatch streakWatch;
    private final Outbox outbox;

    public ProgressPublisher(PublishedSkills published, GoalRepository goals, StreakWatch streakWatch, Outbox outbox) {
        this.published = published;
        this.goals = goals;
        this.streakWatch = streakWatch;
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> recomputed(SqlClient transaction, Collection<UUID> skills) {
        return published.move(transaction, skills).chain(moved -> {
            if (moved.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<OutboxMessage> events = new ArrayList<>();
            List<Reached> reached = new ArrayList<>();
            List<GoalMet> met = new ArrayList<>();
            Map<UUID, LocalDate> users = new HashMap<>();
            Map<UUID, Instant> changes = new HashMap<>();
            for (Moved skill : moved) {
                announce(skill, events, reached, met);
                users.merge(skill.skill().progressOwner(), dayOf(skill), BinaryOperator.maxBy(Comparator.naturalOrder()));
                changes.merge(skill.skill().progressOwner(), skill.skill().asOf(), BinaryOperator.maxBy(Comparator.naturalOrder()));
            }
            // sent together: the connection runs them in order without waiting between them
            return Uni.combine().all().unis(watchStreaks(transaction, moved), usersGoalsMet(transaction, users, changes))
                    .with((watched, usersMet) -> usersMet).invoke(met::addAll)
                    .chain(() -> published.firstMet(transaction, met))
                    .invoke(first -> first.forEach(goal -> events.add(goalMet(goal))))
                    .chain(() -> Uni.join().all(published.reach(transaction, reached), outbox.append(transaction, events)).andFailFast())
                    .replaceWithVoid();
        });
    }

    /**
     * Watches the streaks the moved skills now end with (until the day after their last is over),
     * each skill's of two days or more and its user's across skills; a skill's shorter one is not
     * watched. The scheduler looks at the figures again when one comes due.
     */
    private Uni<Void> watchStreaks(SqlClient transaction, List<Moved> moved) {
        List<UUID> users = new ArrayList<>();
        List<UUID> streaks = new ArrayList<>();
        List<LocalDate> lastDays = new ArrayList<>();
        List<LocalDate> lapseDays = new ArrayList<>();
        List<UUID> unwatchedUsers = new ArrayList<>();
        List<UUID> unwatched = new ArrayList<>();
        Map<UUID, LocalDate> usersLastDays = new HashMap<>();
        Map<UUID, StreakRules> usersRules = new HashMap<>();
        for (Moved skill : moved) {
            UUID user = skill.skill().progressOwner();
            List<PracticeDay> days = skill.skill().history().days();
            StreakRules rules = skill.skill().rules();
            LocalDate last = ProgressCalculator.lastPractisedDay(days, rules);
            if (ProgressCalculator.streakEndingAtLast(days, rules) >= 2) {
                users.add(user);
                streaks.add(skill.skill().skillId());
                lastDays.add(last);
                lapseDays.add(rules.lapseDayAfter(last));
            } else {
                unwatchedUsers.add(user);
                unwatched.add(skill.skill().skillId());
            }
            // the user's own last practised day is known when the scheduler looks at their figures; any day of practice may be it
            if (!days.isEmpty()) {
                usersLastDays.merge(user, days.get(days.size() - 1).date(), BinaryOperator.maxBy(Comparator.naturalOrder()));
                usersRules.put(user, rules);
            }
        }
        usersLastDays.forEach((user, lastDay) -> {
            users.add(user);
            streaks.add(user);
            lastDays.add(lastDay);
            lapseDays.add(usersRules.get(user).lapseDayAfter(lastDay));
        });
        // sent together (they name different streaks): no round trip between them on the write path
        return Uni.join().all(streakWatch.watch(transaction, users, streaks, lastDays, lapseDays),
                streakWatch.forget(transaction, unwatchedUsers, unwatched)).andFailFast().replaceWithVoid();
    }

    /** The users' weekly goals (across skills) that the week of their latest change meets (its day in their zone). */
    private Uni<List<GoalMet>> usersGoalsMet(SqlClient transaction, Map<UUID, LocalDate> users, Map<UUID, Instant> changes) {
        List<UUID> ids = new ArrayList<>(users.keySet());
        List<LocalDate> days = ids.stream().map(users::get).toList();
        List<LocalDate> weekStarts = days.stream().map(day -> Calendar.startOf(day, Calendar.Period.WEEK)).toList();
        return goals.userWeeks(transaction, ids, weekStarts, days).map(weeks -> weeks.stream()
                .map(week -> new GoalMet(week.userId(), null, week.goal(), week.goal().attainment(week.weekStart(), week.minutes(),
                        week.sessions()), changes.get(week.userId())))
                .filter(goal -> goal.week().met()).toList());
    }

    /**
     * The events of one skill whose figures moved, what it now has reached if that is more than
     * before, and its weekly goal if the week meets it.
     */
    static void announce(Moved skill, List<OutboxMessage> events, List<Reached> reached, List<GoalMet> met) {
        Instant asOf = skill.skill().asOf();
        SkillProgressResponse figures = ProgressMapper.toResponse(skill.skill(), dayOf(skill));
        UUID user = skill.skill().progressOwner();
        UUID skillId = skill.skill().skillId();
        events.add(event(EventTypes.SKILL_PROGRESS_CHANGED, "skill-progress:" + skillId + ":" + skill.version(), user, skillId, asOf,
                data(figures, user, skill.version())));
        for (int level = skill.levelReached() + 1; level <= figures.level(); level++) {
            events.add(event(EventTypes.LEVEL_REACHED, "level:" + skillId + ":" + level, user, skillId, asOf,
                    new LevelReachedData(user, skillId, level, asOf)));
        }
        int stage = figures.stage().ordinal();
        for (int next = skill.stageReached() + 1; next <= stage; next++) {
            String name = Stage.values()[next].toString();
            events.add(event(EventTypes.STAGE_REACHED, "stage:" + skillId + ":" + name, user, skillId, asOf,
                    new StageReachedData(user, skillId, name, asOf)));
        }
        if (figures.level() > skill.levelReached() || stage > skill.stageReached()) {
            reached.add(new Reached(skillId, Math.max(figures.level(), skill.levelReached()), Math.max(stage, skill.stageReached())));
        }
        SkillGoalResponse goal = figures.goal();
        if (goal != null && goal.met()) {
            met.add(new GoalMet(user, skillId, skill.skill().goal(), new WeeklyGoal.Attainment(goal.weekStart(), goal.minutesThisWeek(),
                    goal.sessionsThisWeek(), true), asOf));
        }
    }

    /** Figures of the day are those of the day of the change that moved them, in the user's zone (their settings', else UTC). */
    private static LocalDate dayOf(Moved skill) {
        return LocalDate.ofInstant(skill.skill().asOf(), skill.zone());
    }

    private static OutboxMessage goalMet(GoalMet goal) {
        GoalMetData data = new GoalMetData(goal.userId(), goal.skillId(), goal.week().weekStart(), goal.goal().weeklyMinutes(),
                goal.goal().weeklySessions(), goal.week().minutes(), goal.week().sessions(), goal.metAt());
        return OutboxMessage.of(Topics.PROGRESS_EVENTS, EventTypes.GOAL_MET, goal.key().toString(), goal.userId(), goal.metAt(), data)
                .identifiedBy("goal:" + goal.userId() + ":" + goal.key() + ":" + goal.week().weekStart());
    }

    private static OutboxMessage event(String type, String fact, UUID user, UUID skillId, Instant occurredAt, Record data) {
        return OutboxMessage.of(Topics.PROGRESS_EVENTS, type, skillId.toString(), user, occurredAt, data).identifiedBy(fact);
    }

    private static SkillProgressData data(SkillProgressResponse figures, UUID user, long version) {
        return new SkillProgressData(user, figures.skillId(), figures.skillName(), figures.totalSessions(), figures.totalMinutes(),
                figures.averageMinutes(), figures.firstPracticedAt(), figures.lastPracticedAt(), figures.daysSinceLastPractice(),
                figures.currentStreakDays(), figures.longestStreakDays(), figures.sessionsLast7Days(), figures.minutesLast7Days(),
                figures.sessionsLast30Days(), figures.minutesLast30Days(), figures.sessionsPerWeek(), figures.averageDifficulty(),
                figures.averageConfidence(), figures.progressPercent(), figures.stage().toString(), figures.trend().toString(),
                figures.milestonesCompleted(), figures.milestonesTotal(), figures.level(), figures.sessionsToNextLevel(),
                figures.goal() == null ? null : new SkillProgressData.Goal(figures.goal().weeklyMinutes(), figures.goal().weeklySessions(),
                        figures.goal().weekStart(), figures.goal().minutesThisWeek(), figures.goal().sessionsThisWeek(), figures.goal().met()),
                figures.asOf(), version);
    }
}
