package dev.practicetracker.practicelog.service;

import java.time.Clock;
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
import dev.practicetracker.practicelog.HistoryQuery;
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
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Live timed sessions (the YogaFlow seed): start one, end it, and keep what was practised as a log. */
@ApplicationScoped
public class PracticeSessionService {

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
        return prepareStart(caller, request).chain(session -> creates.create(caller.userId(), idempotencyKey, request,
                client -> start(client, session).map(started -> new IdempotentCreates.Created("/practice-sessions/" + started.id(),
                        started.version(), SessionResponse.of(started)))));
    }

    /** A new active session of the caller's skill; 404 for a skill not theirs. */
    private Uni<PracticeSession> prepareStart(Caller caller, StartSessionRequest request) {
        return skills.callersSkill(request.skillId(), null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("skill"))
                .map(skill -> PracticeSession.started(ids.next(), caller.userId(), request.skillId(), Timestamps.now(clock),
                        request.plannedMinutes()));
    }

    /** 409 while another session of the skill is active. */
    private Uni<PracticeSession> start(SqlClient client, PracticeSession session) {
        return sessions.insert(client, session)
                .onFailure(failure -> UniqueViolation.isCauseOf(failure, "practice_sessions_one_active"))
                .transform(failure -> ProblemException.conflict("a session of this skill is already live; complete it first"));
    }

    /** Pauses an active session: 409 unless it is active. From now until it resumes is not practice time. */
    public Uni<PracticeSession> pause(Caller caller, UUID id) {
        return change(caller, id, (connection, session, now) -> {
            if (session.status() != PracticeSession.Status.ACTIVE) {
                throw ProblemException.conflict("only an active session can be paused; this one is " + session.status());
            }
            return sessions.save(connection, session.paused(now));
        });
    }

    /** Resumes a paused session: 409 unless it is paused. */
    public Uni<PracticeSession> resume(Caller caller, UUID id) {
        return change(caller, id, (connection, session, now) -> {
            if (session.status() != PracticeSession.Status.PAUSED) {
                throw ProblemException.conflict("only a paused session can be resumed; this one is " + session.status());
            }
            return sessions.save(connection, session.resumed(now));
        });
    }

    /**
     * Ends a live (active or paused) session. Its practised minutes are the time since it started
     * less its pauses; without a completion, a session with planned minutes ends as
     * {@link PracticeSession.Completion#of} says. A completed or partial one of at least a minute
     * becomes a log of the practised minutes, dated when the session started, in the same transaction.
     */
    public Uni<Ended> complete(Caller caller, UUID id, CompleteSessionRequest request) {
        return change(caller, id, (connection, session, now) -> {
            if (!session.status().isLive()) {
                throw ProblemException.conflict("this session has already ended (" + session.status() + ")");
            }
            int minutes = session.practisedMinutesAt(now);
            PracticeSession.Completion completion = completionOf(request, session, minutes);
            LogFields fields = new LogFields(session.startedAt(), minutes, describe(request, minutes),
                    request.difficultyRating(), request.confidenceRating(), ActivityType.PRACTICE, null, false);
            if (!completion.becomesALog() || minutes < 1) {
                return sessions.save(connection, session.ended(completion.status(), now, null)).map(ended -> new Ended(ended, null));
            }
            rules.requireValid(session.skillId(), fields);
            PracticeLog log = PracticeLogMapper.newLog(ids.next(), caller, session.skillId(), fields, now);
            return logs.insert(connection, log).chain(written -> sessions.save(connection,
                    session.ended(completion.status(), now, written.id)).map(ended -> new Ended(ended, written)));
        });
    }

    /** One change to one of the caller's sessions, on it locked in a transaction: 404 for one not theirs. */
    private <T> Uni<T> change(Caller caller, UUID id, SessionChange<T> change) {
        return outbox.inTransaction(connection -> sessions.findOwnedForUpdate(connection, caller.userId(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("practice session"))
                .chain(session -> change.apply(connection, session, Timestamps.now(clock))));
    }

    @FunctionalInterface
    private interface SessionChange<T> {
        Uni<T> apply(SqlConnection connection, PracticeSession session, Instant now);
    }

    private static PracticeSession.Completion completionOf(CompleteSessionRequest request, PracticeSession session, int minutes) {
        if (request.completion() != null) {
            return request.completion();
        }
        if (session.plannedMinutes() == null) {
            throw ProblemException.invalid("completion", "is required for a session without planned_minutes");
        }
        return PracticeSession.Completion.of(minutes, session.plannedMinutes());
    }

    /** A page of the caller's sessions the query selects, optionally of one status, newest first. */
    public Uni<List<PracticeSession>> page(HistoryQuery query, PracticeSession.Status status, int limit) {
        return sessions.page(query, status, limit);
    }

    public Uni<SessionStats> stats(Caller caller, UUID skillId) {
        return sessions.counts(caller.userId(), skillId).map(counts -> SessionStats.of(counts.completed(), counts.partial(),
                counts.abandoned(), counts.averageMinutes()));
    }

    private static String describe(CompleteSessionRequest request, int minutes) {
        return request.description() == null || request.description().isBlank()
                ? "Live practice session (" + minutes + " min)" : request.description();
    }
}
