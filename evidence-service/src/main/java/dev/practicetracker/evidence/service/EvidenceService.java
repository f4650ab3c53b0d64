package dev.practicetracker.evidence.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.evidence.Evidence;
import dev.practicetracker.evidence.EvidenceType;
import dev.practicetracker.evidence.mapping.CreateEvidenceRequest;
import dev.practicetracker.evidence.mapping.EvidenceContent;
import dev.practicetracker.evidence.mapping.EvidenceMapper;
import dev.practicetracker.evidence.mapping.ScreenshotFileFields;
import dev.practicetracker.evidence.repository.EvidenceRepository;
import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.ids.TimeOrderedIds;
import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.platform.paging.PageCursor;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.MergePatch;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import io.smallrye.mutiny.Uni;

/** Evidence: validated by type, attached to the caller's log or skill, published through the outbox. */
@ApplicationScoped
public class EvidenceService {

    private final EvidenceRepository repository;
    private final EvidenceRules rules;
    private final EvidenceTargets targets;
    private final Outbox outbox;
    private final IdempotentCreates creates;
    private final ObjectMapper mapper;
    private final TimeOrderedIds ids;
    private final Clock clock;

    public EvidenceService(EvidenceRepository repository, EvidenceRules rules, EvidenceTargets targets, Outbox outbox,
            IdempotentCreates creates, ObjectMapper mapper, TimeOrderedIds ids, Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.targets = targets;
        this.outbox = outbox;
        this.creates = creates;
        this.mapper = mapper;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Creates the item with its {@code evidence.created.v1}, or replays the first answer to
     * {@code idempotencyKey} (null for none). What it hangs on is checked first, outside the
     * transaction: that may ask other services.
     */
    public Uni<IdempotentCreates.Answer> create(Caller caller, String idempotencyKey, CreateEvidenceRequest request) {
        return prepare(caller, request).chain(evidence -> creates.create(caller.userId(), idempotencyKey, request,
                () -> repository.persist(evidence).call(created -> publish(EventTypes.EVIDENCE_CREATED, created, false))
                        .map(created -> new IdempotentCreates.Created("/evidence/" + created.id, created.version,
                                EvidenceMapper.toResponse(created)))));
    }

    /** The skill's evidence in its chronology, {@code limit} items from {@code after}; 404 unless the skill is the caller's. */
    public Uni<List<Evidence>> ofSkill(Caller caller, UUID skillId, PageCursor after, int limit) {
        return targets.requireCallersSkill(caller, skillId).chain(() -> repository.ofSkill(caller.userId(), skillId, after, limit));
    }

    /** One session's evidence; 404 unless the log is the caller's. */
    public Uni<List<Evidence>> ofLog(Caller caller, UUID logId, PageCursor after, int limit) {
        return targets.callersLog(caller, logId).chain(() -> repository.ofLog(caller.userId(), logId, after, limit));
    }

    public Uni<List<Evidence>> newestFirst(Caller caller, PageCursor after, int limit) {
        return repository.newestFirst(caller.userId(), after, limit);
    }

    /** Everything a create checks before it writes. */
    private Uni<Evidence> prepare(Caller caller, CreateEvidenceRequest request) {
        EvidenceContent content = request.content(mapper);
        rules.requireValid(request.type(), content);
        Instant now = Timestamps.now(clock);
        return targets.resolve(caller, request.skillId(), request.practiceLogId(), now)
                .map(target -> EvidenceMapper.newEvidence(ids.next(), caller.userId(), request.type(), target.skillId(), target.practiceLogId(),
                        target.sortAt(), content, now));
    }

    public Uni<Evidence> find(Caller caller, UUID id) {
        return repository.findOwned(caller.userId(), id);
    }

    /** A merge patch of what the item says ({@code url}, {@code text} or {@code file}); what it is and where it hangs stay. */
    public Uni<Evidence> update(Caller caller, UUID id, JsonNode patch, String ifMatch) {
        if (patch != null && patch.has("file")) {
            ScreenshotFileFields.read(mapper, patch.get("file"));
        }
        return outbox.inTransaction(() -> lockOwned(caller, id, ifMatch).chain(evidence -> {
            EvidenceContent current = EvidenceMapper.contentOf(evidence);
            EvidenceContent changed = MergePatch.apply(mapper, current, patch, EvidenceContent.class, Map.of(
                    "id", evidence.id, "user_id", evidence.userId, "type", evidence.type, "skill_id", evidence.skillId,
                    "practice_log_id", evidence.practiceLogId == null ? mapper.nullNode() : evidence.practiceLogId,
                    "created_at", evidence.createdAt));
            rules.requireValid(EvidenceType.of(evidence.type), changed);
            if (changed.equals(current)) {
                return Uni.createFrom().item(evidence);
            }
            EvidenceMapper.apply(changed, evidence, Timestamps.now(clock));
            evidence.version++;
            return publish(EventTypes.EVIDENCE_UPDATED, evidence, false).replaceWith(evidence);
        }));
    }

    public Uni<Void> delete(Caller caller, UUID id, String ifMatch) {
        return outbox.inTransaction(() -> lockOwned(caller, id, ifMatch).chain(evidence -> {
            evidence.version++;
            evidence.updatedAt = Timestamps.now(clock);
            return publish(EventTypes.EVIDENCE_DELETED, evidence, true).chain(() -> repository.delete(evidence));
        }));
    }

    private Uni<Evidence> lockOwned(Caller caller, UUID id, String ifMatch) {
        return repository.findOwnedForUpdate(caller.userId(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("evidence"))
                .invoke(evidence -> ResourceResponses.requireMatch(ifMatch, evidence.version));
    }

    private Uni<Void> publish(String type, Evidence evidence, boolean deleted) {
        return outbox.append(OutboxMessage.of(Topics.EVIDENCE_EVENTS, type, evidence.id.toString(), evidence.userId,
                evidence.updatedAt, EvidenceMapper.toEvent(evidence, deleted)));
    }
}
