package dev.practicetracker.progress.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.practicetracker.platform.time.PeriodicCheck;
import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.ReminderDueData;
import dev.practicetracker.events.StreakEndedData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.observability.FailureStreak;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.progress.analytics.ProgressCalculator;
import dev.practicetracker.progress.analytics.ReminderSchedule;
import dev.practicetracker.progress.analytics.ReminderSchedule.Decision;
import dev.practicetracker.progress.analytics.StreakRules;
import dev.practicetracker.progress.config.ProgressConfig;
import dev.practicetracker.progress.mapping.ProgressMapper;
import dev.practicetracker.progress.mapping.Reminder;
import dev.practicetracker.progress.repository.ProgressReadRepository;
import dev.practicetracker.progress.repository.SettingsRepository;
import dev.practicetracker.progress.repository.SettingsRepository.DueReminder;
import dev.practicetracker.progress.repository.StreakWatch;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Sends what time alone makes true: the daily reminders ({@code reminder.due.v1}) and the streaks
 * that lapse ({@code streak.ended.v1}). Every {@code reminders.check-interval} each replica claims
 * what is due by its clock, a batch per transaction ({@code for update skip locked}: two replicas
 * never take the same one), decides each, appends its event to the outbox and records it, all in that
 * transaction: a replica killed midway leaves the claim to be taken again, nothing sent twice, nothing
 * lost.
 * <ul>
 * <li>A reminder is decided by the user's zone ({@link ReminderSchedule}) and recorded as the reminder
 * of the user's local day; the user's next one is moved on. A user with no skill unpractised for their
 * {@code after_days} gets none that day.</li>
 * <li>A watched streak ({@link StreakWatch}) is over once its lapse day (the first day after its last
 * practised day that is no break, by the user's {@link StreakRules}) is over in the user's zone: unless
 * the figures now show a later practised day, or the rules now put the lapse day later (then it is
 * watched until then), it is announced if it lasted two days or more, and no longer watched.</li>
 * </ul>
 */
@ApplicationScoped
public class TimeDrivenEvents {

    /** A batch: how many items were claimed, and how many events they sent. */
    record Batch(int claimed, int sent) {
    }

    private final SettingsRepository settings;
    private final StreakWatch streaks;
    private final ProgressReadRepository progress;
    private final Outbox outbox;
    private final int batch;
    private final FailureStreak failures = new FailureStreak(TimeDrivenEvents.class);
    private final PeriodicCheck<Integer> check;

    public TimeDrivenEvents(SettingsRepository settings, StreakWatch streaks, ProgressReadRepository progress, Outbox outbox, Clock clock,
            Vertx vertx, ProgressConfig config) {
        this.settings = settings;
        this.streaks = streaks;
        this.progress = progress;
        this.outbox = outbox;
        this.batch = config.reminders().batch();
        Duration interval = config.reminders().checkInterval();
        this.check = new PeriodicCheck<>(vertx, interval, () -> {
            Instant now = Timestamps.now(clock);
            return remindDue(now).chain(reminded -> endLapsedStreaks(now).map(ended -> reminded + ended));
        }, sent -> failures.succeeded("sending reminders and lapsed streaks works again"),
                failure -> failures.failed("sending the reminders and lapsed streaks that came due failed, trying again every "
                        + interval.toMillis() + " ms", "sending the reminders and lapsed streaks that came due failed again", failure));
    }

    void start(@Observes StartupEvent event) {
        check.start();
    }

    void stop(@Observes ShutdownEvent event) {
        check.stop();
    }

    /** Decides every reminder due at {@code now}, a batch per transaction. @return how many were sent */
    public Uni<Integer> remindDue(Instant now) {
        return outbox.inTransaction(connection -> remindBatch(connection, now)).chain(done -> done.claimed() < batch
                ? Uni.createFrom().item(done.sent())
                : remindDue(now).map(more -> done.sent() + more));
    }

    /** Announces every watched streak that has lapsed by {@code now}, a batch per transaction. @return how many were announced */
    public Uni<Integer> endLapsedStreaks(Instant now) {
        return outbox.inTransaction(connection -> endBatch(connection, now)).chain(done -> done.claimed() < batch
                ? Uni.createFrom().item(done.sent())
                : endLapsedStreaks(now).map(more -> done.sent() + more));
    }

    private Uni<Batch> endBatch(SqlConnection connection, Instant now) {
        return streaks.claimDue(connection, now, batch).chain(due -> {
            List<UUID> watchUsers = new ArrayList<>();
            List<UUID> watchStreaks = new ArrayList<>();
            List<LocalDate> lastDays = new ArrayList<>();
            List<LocalDate> lapseDays = new ArrayList<>();
            List<UUID> forgetUsers = new ArrayList<>();
            List<UUID> forgetStreaks = new ArrayList<>();
            List<OutboxMessage> ended = new ArrayList<>();
            for (StreakWatch.Due streak : due) {
                LocalDate last = ProgressCalculator.lastPractisedDay(streak.days(), streak.rules());
                if (streak.known() && last != null) {
                    LocalDate lapse = streak.rules().lapseDayAfter(last);
                    // a later practised day, or rules that now make it lapse later: watched until then
                    if (last.isAfter(streak.lastDay()) || now.isBefore(lapse.plusDays(1).atStartOfDay(streak.zone()).toInstant())) {
                        watchUsers.add(streak.userId());
                        watchStreaks.add(streak.streak());
                        lastDays.add(last);
                        lapseDays.add(lapse);
                        continue;
                    }
                    int length = ProgressCalculator.streakEndingAtLast(streak.days(), streak.rules());
                    if (length >= 2) {
                        ended.add(streakEnded(streak, last, lapse, length, now));
                    }
                }
                forgetUsers.add(streak.userId());
                forgetStreaks.add(streak.streak());
            }
            return Uni.join().all(streaks.watch(connection, watchUsers, watchStreaks, lastDays, lapseDays),
                    streaks.forget(connection, forgetUsers, forgetStreaks), outbox.append(connection, ended)).andFailFast()
                    .replaceWith(new Batch(due.size(), ended.size()));
        });
    }

    private static OutboxMessage streakEnded(StreakWatch.Due streak, LocalDate last, LocalDate lapse, int length, Instant now) {
        StreakEndedData data = new StreakEndedData(streak.userId(), streak.acrossSkills() ? null : streak.streak(), length, last, lapse);
        return OutboxMessage.of(Topics.PROGRESS_EVENTS, EventTypes.STREAK_ENDED, streak.streak().toString(), streak.userId(), now, data)
                .identifiedBy("streak:" + streak.userId() + ":" + streak.streak() + ":" + last);
    }

    /**
     * Claims a batch of due reminders and decides them together: the users' skills read in one query,
     * the reminders of the days that have had none recorded in one statement, their events appended,
     * every claimed user's next reminder moved on.
     */
    private Uni<Batch> remindBatch(SqlConnection connection, Instant now) {
        return settings.claimDue(connection, now, batch).chain(due -> {
            List<UUID> users = new ArrayList<>(due.size());
            List<Instant> next = new ArrayList<>(due.size());
            Map<UUID, Reminding> reminding = new LinkedHashMap<>();
            for (DueReminder reminder : due) {
                Decision decision = ReminderSchedule.decide(reminder.dueAt(), now, reminder.localTime(), reminder.zone());
                users.add(reminder.userId());
                next.add(decision.nextDueAt());
                if (decision.remindFor() != null) {
                    reminding.put(reminder.userId(), new Reminding(reminder, decision.remindFor()));
                }
            }
            Uni<Integer> sent = reminding.isEmpty() ? Uni.createFrom().item(0) : remind(connection, reminding, now);
            return sent.chain(count -> settings.moveOn(connection, users, next).replaceWith(new Batch(due.size(), count)));
        });
    }

    /** A claimed reminder and the local day it is for. */
    private record Reminding(DueReminder due, LocalDate day) {
    }

    /** The reminder of each user's local day, unless no skill is stale or the day has had its reminder. @return how many were sent */
    private Uni<Integer> remind(SqlConnection connection, Map<UUID, Reminding> reminding, Instant now) {
        return progress.visibleSkills(connection, List.copyOf(reminding.keySet())).chain(skills -> {
            Map<UUID, List<Reminder>> stale = new LinkedHashMap<>();
            reminding.forEach((user, reminder) -> {
                List<Reminder> of = ProgressMapper.reminders(skills.getOrDefault(user, List.of()), reminder.day(), reminder.due().afterDays());
                if (!of.isEmpty()) {
                    stale.put(user, of);
                }
            });
            List<UUID> users = List.copyOf(stale.keySet());
            List<LocalDate> days = users.stream().map(user -> reminding.get(user).day()).toList();
            return settings.firstOfDays(connection, users, days, now).chain(first -> {
                List<OutboxMessage> events = users.stream().filter(first::contains)
                        .map(user -> event(reminding.get(user).due(), reminding.get(user).day(), stale.get(user))).toList();
                return outbox.append(connection, events).replaceWith(events.size());
            });
        });
    }

    private static OutboxMessage event(DueReminder due, LocalDate day, List<Reminder> stale) {
        Instant dueAt = ReminderSchedule.dueAt(day, due.localTime(), due.zone());
        ReminderDueData data = new ReminderDueData(due.userId(), day, stale.stream()
                .map(reminder -> new ReminderDueData.Skill(reminder.skillId(), reminder.skillName(), reminder.daysSinceLastPractice()))
                .toList(), dueAt);
        return OutboxMessage.of(Topics.PROGRESS_EVENTS, EventTypes.REMINDER_DUE, due.userId().toString(), due.userId(), dueAt, data)
                .identifiedBy("reminder:" + due.userId() + ":" + day);
    }
}
