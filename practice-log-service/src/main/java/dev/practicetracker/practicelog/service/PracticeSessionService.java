package dev.practicetracker.practicelog.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.ids.TimeOrderedIds;
import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.UniqueViolation;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.practicelog.ActivityType;
import dev.practicetracker.practicelog.PracticeLog;
import dev.practicetracker.practicelog.PracticeSession;
import dev.practicetracker.practicelog.mapping.CompleteSessionRequest;
import dev.practicetracker.practicelog.mapping.LogFields;
import dev.practicetracker.practicelog.mapping.PracticeLogMapper;
import dev.practicetracker.practicelog.mapping.SessionResponse;
import dev.practicetracker.practicelog.mapping.SessionStats;
import dev.practicetracker.practicelog.mapping.StartSessionRequest;
import dev.practicetracker.practicelog.repository.PracticeSessionRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Live timed sessions (the YogaFlow seed): start one, end it, and keep what was practised as a log. */
@ApplicationScoped
public class PracticeSessionService {

    /** A session lasting longer than a log may is logged at the longest a log may be. */
    static final int LONGEST_LOG_MINUTES = 1440;

    /** What ending a session produced: the log it became, or nothing. */
    public record Ended(PracticeSession session, PracticeLog log) {
    }

    private final PracticeSessionRepository sessions;
    private final PracticeLogService logs;
    private final PracticeLogRules rules;
    private final SkillDirectory skills;
    private final Outbox outbox;
    private final IdempotentCreates creates;
    private final TimeOrderedIds ids;
    private final Clock clock;

    public PracticeSessionService(PracticeSessionRepository sessions, PracticeLogService logs, PracticeLogRules rules,
            SkillDirectory skills, Outbox outbox, IdempotentCreates creates, TimeOrderedIds ids, Clock clock) {
        this.sessions = sessions;
        this.logs = logs;
        this.rules = rules;
        this.skills = skills;
        this.outbox = outbox;
        this.creates = creates;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Starts a session of the caller's skill, or replays the first answer to {@code idempotencyKey}
     * (null for none): 404 for a skill not theirs, 409 while another session of it is active.
     */
    public Uni<IdempotentCreates.Answer> start(Caller caller, String idempotencyKey, StartSessionRequest request) {
        return prepareStart(caller, request.skillId()).chain(session -> creates.create(caller.userId(), idempotencyKey, request,
                client -> start(client, session).map(started -> new IdempotentCreates.Created("/practice-sessions/" + started.id(),
                        started.version(), SessionResponse.of(started)))));
    }

    /** A new active session of the caller's skill; 404 for a skill not theirs. */
    private Uni<PracticeSession> prepareStart(Caller caller, UUID skillId) {
        return skills.callersSkill(skillId, null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("skill"))
                .map(skill -> new PracticeSession(ids.next(), caller.userId(), skillId, Timestamps.now(clock), null,
                        PracticeSession.Status.ACTIVE, null, 1));
    }

    /** 409 while another session of the skill is active. */
    private Uni<PracticeSession> start(SqlClient client, PracticeSession session) {
        return sessions.insert(client, session)
                .onFailure(failure -> UniqueViolation.isCauseOf(failure, "practice_sessions_one_active"))
                .transform(failure -> ProblemException.conflict("a session of this skill is already active; complete it first"));
    }

    /**
     * Ends an active session. A completed or partial one of at least a minute becomes a log of the
     * measured minutes, dated when the session started, in the same transaction.
     */
    public Uni<Ended> complete(Caller caller, UUID id, CompleteSessionRequest request) {
        return outbox.inTransaction(connection -> sessions.findOwnedForUpdate(connection, caller.userId(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("practice session"))
                .chain(session -> {
                    if (session.status() != PracticeSession.Status.ACTIVE) {
                        throw ProblemException.conflict("this session has already ended (" + session.status() + ")");
                    }
                    Instant now = Timestamps.now(clock);
                    int minutes = (int) Math.min(Duration.between(session.startedAt(), now).toMinutes(), LONGEST_LOG_MINUTES);
                    LogFields fields = new LogFields(session.startedAt(), minutes, describe(request, minutes),
                            request.difficultyRating(), request.confidenceRating(), ActivityType.PRACTICE, null);
                    if (!request.completion().becomesALog() || minutes < 1) {
                        return sessions.saveEnded(connection, session.ended(request.completion().status(), now, null))
                                .map(ended -> new Ended(ended, null));
                    }
                    rules.requireValid(session.skillId(), fields);
                    PracticeLog log = PracticeLogMapper.newLog(ids.next(), caller, session.skillId(), fields, now);
                    return logs.insert(connection, log).chain(written -> sessions.saveEnded(connection,
                            session.ended(request.completion().status(), now, written.id)).map(ended -> new Ended(ended, written)));
                }));
    }

    public Uni<List<PracticeSession>> list(Caller caller, PracticeSession.Status status, int limit) {
        return sessions.ofUser(caller.userId(), status, limit);
    }

    public Uni<SessionStats> stats(Caller caller, UUID skillId) {
        return sessions.counts(caller.userId(), skillId).map(counts -> SessionStats.of(counts.completed(), counts.partial(),
                counts.abandoned()));
    }

    private static String describe(CompleteSessionRequest request, int minutes) {
        return request.description() == null || request.description().isBlank()
                ? "Live practice session (" + minutes + " min)" : request.description();
    }
}
