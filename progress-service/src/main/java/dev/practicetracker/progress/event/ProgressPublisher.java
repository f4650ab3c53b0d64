package dev.practicetracker.progress.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.LevelReachedData;
import dev.practicetracker.events.SkillProgressData;
import dev.practicetracker.events.StageReachedData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.progress.analytics.Stage;
import dev.practicetracker.progress.mapping.ProgressMapper;
import dev.practicetracker.progress.mapping.SkillProgressResponse;
import dev.practicetracker.progress.repository.PublishedSkills;
import dev.practicetracker.progress.repository.PublishedSkills.Moved;
import dev.practicetracker.progress.repository.PublishedSkills.Reached;
import dev.practicetracker.progress.repository.RecomputedSkills;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Publishes on progress-events what a recompute of skills' figures moved, in the transaction that
 * made it (through the outbox): {@code skill-progress.changed.v1} for each skill whose stored figures
 * differ from the last published ones, and {@code level.reached.v1} / {@code stage.reached.v1} for
 * each level and stage a skill reaches for the first time. A recompute that moved nothing (a
 * duplicate event, a rebuild) publishes nothing. Each event's id is derived from the fact it states,
 * so the same fact carries the same {@code ce_id} however often it is published.
 */
@ApplicationScoped
public class ProgressPublisher implements RecomputedSkills {

    private final PublishedSkills published;
    private final Outbox outbox;

    public ProgressPublisher(PublishedSkills published, Outbox outbox) {
        this.published = published;
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
            for (Moved skill : moved) {
                announce(skill, events, reached);
            }
            return Uni.join().all(published.reach(transaction, reached), outbox.append(transaction, events)).andFailFast()
                    .replaceWithVoid();
        });
    }

    /** The events of one skill whose figures moved, and what it now has reached if that is more than before. */
    static void announce(Moved skill, List<OutboxMessage> events, List<Reached> reached) {
        Instant asOf = skill.skill().asOf();
        // figures of the day are those of the UTC day of the change that moved them
        LocalDate day = asOf.atOffset(ZoneOffset.UTC).toLocalDate();
        SkillProgressResponse figures = ProgressMapper.toResponse(skill.skill(), day);
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
                figures.milestonesCompleted(), figures.milestonesTotal(), figures.level(), figures.sessionsToNextLevel(), figures.asOf(),
                version);
    }
}
