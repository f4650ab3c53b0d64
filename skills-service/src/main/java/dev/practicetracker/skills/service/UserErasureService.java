package dev.practicetracker.skills.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.Topics;
import dev.practicetracker.events.UserErasedData;
import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.skills.repository.SkillRepository;
import io.smallrye.mutiny.Uni;

/**
 * Erases a user (GDPR): everything of theirs here goes in one transaction — skills, and with them
 * (foreign keys) milestone progress and milestone minutes — and {@code user.erased.v1} tells every
 * other service to do the same.
 */
@ApplicationScoped
public class UserErasureService {

    private final SkillRepository skills;
    private final IdempotentCreates idempotentCreates;
    private final Outbox outbox;
    private final Clock clock;

    public UserErasureService(SkillRepository skills, IdempotentCreates idempotentCreates, Outbox outbox, Clock clock) {
        this.skills = skills;
        this.idempotentCreates = idempotentCreates;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Instant> erase(Caller caller) {
        Instant now = Timestamps.now(clock);
        return outbox.inTransaction(() -> skills.deleteAllOf(caller.userId())
                .chain(() -> idempotentCreates.forget(caller.userId()))
                .chain(() -> outbox.append(OutboxMessage.of(Topics.USER_EVENTS, EventTypes.USER_ERASED, caller.userId().toString(),
                        caller.userId(), now, new UserErasedData(caller.userId()))))
                .replaceWith(now));
    }
}
