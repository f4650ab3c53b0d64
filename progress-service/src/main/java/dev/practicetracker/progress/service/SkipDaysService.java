package dev.practicetracker.progress.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.ids.TimeOrderedIds;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.QueryParameters;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.progress.mapping.SkipDayRequest;
import dev.practicetracker.progress.mapping.SkipDayResponse;
import dev.practicetracker.progress.repository.SkipDayRepository;
import io.smallrye.mutiny.Uni;

/**
 * The caller's planned breaks. Each change of them is a {@link StreakRuleChanges streak rule change}:
 * every streak figure follows at its next read, and the watched streaks are looked at again.
 */
@ApplicationScoped
public class SkipDaysService {

    /** Breaks a user may have at once. */
    static final int MAX_SKIP_DAYS = 500;

    private final SkipDayRepository skipDays;
    private final StreakRuleChanges ruleChanges;
    private final TimeOrderedIds ids;
    private final Clock clock;

    public SkipDaysService(SkipDayRepository skipDays, StreakRuleChanges ruleChanges, TimeOrderedIds ids, Clock clock) {
        this.skipDays = skipDays;
        this.ruleChanges = ruleChanges;
        this.ids = ids;
        this.clock = clock;
    }

    /** Adds a break, or gives the one of the same days this reason. */
    public Uni<SkipDayRepository.Saved> put(Caller caller, SkipDayRequest request) {
        QueryParameters.requireDate("from", request.from());
        QueryParameters.requireDate("to", request.to());
        if (request.to().isBefore(request.from())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(request.from(), request.to()) >= SkipDayRequest.MAX_DAYS) {
            throw ProblemException.invalid("to", "a break lasts at most " + SkipDayRequest.MAX_DAYS + " days");
        }
        Instant now = Timestamps.now(clock);
        return ruleChanges.apply(caller.userId(), now, transaction -> skipDays.count(transaction, caller.userId()).chain(count -> {
            if (count >= MAX_SKIP_DAYS) {
                return Uni.createFrom().failure(ProblemException.conflict("a user has at most " + MAX_SKIP_DAYS
                        + " skip days at once; delete some first"));
            }
            return skipDays.save(transaction, ids.next(), caller.userId(), request.from(), request.to(), request.reason(), now);
        }));
    }

    /** The caller's breaks that touch {@code [from, to]} (either open), earliest first. */
    public Uni<List<SkipDayResponse>> list(Caller caller, LocalDate from, LocalDate to) {
        LocalDate first = from == null ? QueryParameters.FIRST_DATE : from;
        LocalDate last = to == null ? QueryParameters.LAST_DATE : to;
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        return skipDays.overlapping(caller.userId(), first, last);
    }

    /** Deletes one of the caller's breaks; another user's or an unknown id is not found. */
    public Uni<Void> delete(Caller caller, UUID id) {
        Instant now = Timestamps.now(clock);
        return ruleChanges.apply(caller.userId(), now, transaction -> skipDays.delete(transaction, caller.userId(), id)
                .chain(deleted -> deleted ? Uni.createFrom().voidItem() : Uni.createFrom().failure(ProblemException.notFound("skip day"))));
    }
}
