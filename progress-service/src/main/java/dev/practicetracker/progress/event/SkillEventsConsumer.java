package dev.practicetracker.progress.event;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.IncomingEvent;
import dev.practicetracker.events.MilestoneData;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.platform.erasure.ErasedUsers;
import dev.practicetracker.progress.repository.ErasureRepository;
import dev.practicetracker.progress.repository.FigureRepository;
import dev.practicetracker.progress.repository.KnownSkillRepository;
import dev.practicetracker.progress.repository.MilestoneStatusRepository;
import dev.practicetracker.progress.repository.ProjectionLock;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Keeps the skills and milestones the figures read current, from skill events: a newer version
 * replaces the known one; a deleted skill's figures go, and its owner's are recomputed without it.
 * Writes alone ({@link ProjectionLock#lock}).
 */
@ApplicationScoped
public class SkillEventsConsumer {

    /** A skill-events record: a skill's new state or a milestone's, and when it changed. */
    record SkillEvent(SkillData skill, MilestoneData milestone, Instant at) {

        UUID userId() {
            return skill != null ? skill.userId() : milestone.userId();
        }
    }

    private final EventBatchHandler handler;
    private final KnownSkillRepository skills;
    private final MilestoneStatusRepository milestones;
    private final FigureRepository figures;
    private final ErasureRepository erasure;
    private final ProjectionLock lock;
    private final ErasedUsers erasedUsers;

    public SkillEventsConsumer(EventBatchHandler handler, KnownSkillRepository skills, MilestoneStatusRepository milestones,
            FigureRepository figures, ErasureRepository erasure, ProjectionLock lock, ErasedUsers erasedUsers) {
        this.handler = handler;
        this.skills = skills;
        this.milestones = milestones;
        this.figures = figures;
        this.erasure = erasure;
        this.lock = lock;
        this.erasedUsers = erasedUsers;
    }

    @Incoming("skill-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, SkillEventsConsumer::decode, this::apply);
    }

    Uni<Void> apply(SqlConnection connection, List<SkillEvent> batch) {
        List<SkillEvent> events = batch.stream().filter(Objects::nonNull).toList();
        return lock.lock(connection)
                .chain(() -> erasedUsers.withoutErased(connection, events, SkillEvent::userId, SkillEvent::at)).chain(live -> {
            List<KnownSkillRepository.SkillState> skillStates = live.stream().filter(event -> event.skill() != null)
                    .map(event -> new KnownSkillRepository.SkillState(event.skill(), event.at())).toList();
            List<MilestoneStatusRepository.MilestoneState> milestoneStates = live.stream().filter(event -> event.milestone() != null)
                    .map(event -> new MilestoneStatusRepository.MilestoneState(event.milestone(), event.at())).toList();
            Map<UUID, Instant> usersOfDeletedSkills = new HashMap<>();
            live.stream().filter(event -> event.skill() != null && event.skill().deleted())
                    .forEach(event -> usersOfDeletedSkills.merge(event.userId(), event.at(), SkillEventsConsumer::later));
            return skills.saveAll(connection, skillStates)
                    .chain(() -> milestones.saveAll(connection, milestoneStates))
                    .chain(() -> Multi.createFrom().iterable(skillStates).filter(state -> state.skill().deleted())
                            .onItem().transformToUniAndConcatenate(state -> erasure.forgetSkill(connection, state.skill().id()))
                            .collect().last())
                    .chain(() -> figures.recomputeUsers(connection, usersOfDeletedSkills));
        });
    }

    /** A skill's or a milestone's new state, or null for an event progress has no use for. */
    static SkillEvent decode(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return switch (event.type()) {
            case EventTypes.SKILL_CREATED, EventTypes.SKILL_UPDATED, EventTypes.SKILL_DELETED ->
                new SkillEvent(event.data(SkillData.class).requireComplete(), null, event.envelope().time());
            case EventTypes.MILESTONE_UPDATED -> new SkillEvent(null, event.data(MilestoneData.class), event.envelope().time());
            default -> null;
        };
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
