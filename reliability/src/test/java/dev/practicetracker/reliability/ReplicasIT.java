package dev.practicetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import dev.practicetracker.events.Topics;
import dev.practicetracker.local.Service;
import dev.practicetracker.local.ServiceProcess;
import dev.practicetracker.reliability.Client.Response;
import dev.practicetracker.reliability.Scoreboard.Row;

/**
 * Two replicas of every service on one database and one broker, as the Deployments run them, each
 * service's port a balancer over its ready replicas (what a Kubernetes Service is). Read-your-writes
 * across replicas, writes spread over replicas counted once, caches that agree, replicas crashing
 * mid-stream, a rolling restart of every service under load with no failed request, and reminders each
 * sent once by whichever progress replica claims it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final int REPLICAS = 2;
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final int CLIENTS = 3;
    /**
     * Each client's round (a write, and in the rolling restart four reads) at most every 200 ms: a
     * steady load of up to 75 requests/s that leaves the two cores room to start the new replicas.
     */
    private static final Duration PACE = Duration.ofMillis(200);

    private static Practice practice;

    @BeforeAll
    static void start() throws Exception {
        practice = Practice.startReplicated(REPLICAS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (practice != null) {
            practice.close();
        }
        Scoreboard.print(Path.of("target", "reliability-summary.md"));
    }

    @Test
    @Order(1)
    void aSkillCreatedOnOneReplicaIsReadAndTakesLogsOnTheOthersAtOnce() {
        String token = practice.token(UUID.randomUUID());
        int skills = 10;
        for (int i = 0; i < skills; i++) {
            Response created = Client.post(replica(Service.SKILLS, i) + "/skills", token, Map.of("name", "Replicated " + UUID.randomUUID()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String skill = created.json().path("id").asText();

            Response read = Client.get(replica(Service.SKILLS, i + 1) + "/skills/" + skill, token);
            assertThat(read.status()).as("the skill read at once through the other skills replica").isEqualTo(200);
            for (int r = 0; r < REPLICAS; r++) {
                Response logged = Client.post(replica(Service.PRACTICE_LOG, i + r) + "/practice-logs", token, Practice.log(skill, 30));
                assertThat(logged.status()).as("a log of the new skill on practice-log replica %d: %s", r, logged.body()).isEqualTo(201);
            }
        }
        Scoreboard.record(new Row("replicas: skill created on one replica, read and logged on the others at once", skills * 4L, 0, 0, 0,
                Double.NaN, "read-your-writes across replicas"));
    }

    @Test
    @Order(2)
    void writesAlternatingBetweenReplicasAreCountedOnceByEveryProgressReplica() {
        Practice.Learner learner = practice.newLearner();
        int writes = 40;
        long minutes = 0;
        for (int i = 0; i < writes; i++) {
            Response logged = Client.post(replica(Service.PRACTICE_LOG, i) + "/practice-logs", learner.token(), Practice.log(learner.skill(), 10 + i));
            assertThat(logged.status()).as(logged.body()).isEqualTo(201);
            minutes += 10 + i;
        }
        assertThat(practice.recomputed(learner.skill())).containsExactly(writes, minutes);
        Instant written = Instant.now();
        for (ServiceProcess progress : practice.stack.replicas(Service.PROGRESS)) {
            practice.awaitProgress(progress.url(), learner.token(), learner.skill(), writes, minutes, CATCH_UP);
        }
        Scoreboard.record(new Row("replicas: writes alternating between practice-log replicas", writes, 0, 0, 0,
                seconds(written, Instant.now()), "each counted once, read through every progress replica"));
    }

    @Test
    @Order(3)
    void aSkillRenamedThroughOneReplicaShowsThroughEveryProgressReplica() {
        Practice.Learner learner = practice.newLearner();
        assertThat(practice.postLog(learner.token(), learner.skill(), 25).status()).isEqualTo(201);
        String before = Client.get(practice.url(Service.SKILLS, "/skills/" + learner.skill()), learner.token()).json().path("name").asText();
        // every progress replica reads the skill, and so holds it, before the rename
        for (ServiceProcess progress : practice.stack.replicas(Service.PROGRESS)) {
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(100))
                    .until(() -> before.equals(skillName(progress, learner)));
        }

        String after = "Renamed " + UUID.randomUUID();
        Response renamed = Client.patch(replica(Service.SKILLS, 0) + "/skills/" + learner.skill(), learner.token(), Map.of("name", after));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        Instant changed = Instant.now();
        for (ServiceProcess progress : practice.stack.replicas(Service.PROGRESS)) {
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(100)).until(() -> after.equals(skillName(progress, learner)));
        }
        Scoreboard.record(new Row("replicas: skill renamed on one replica, read through every progress replica", 1, 0, 0, 0,
                seconds(changed, Instant.now()), "the skills each progress replica holds agree"));
    }

    @Test
    @Order(4)
    void aPracticeLogAndAProgressReplicaKilledMidStreamLoseAndDoubleNothing() throws Exception {
        Instant replaced;
        Writers writers = Writers.start(practice, CLIENTS, false, PACE);
        try (writers) {
            writers.awaitAcknowledged(60);
            practice.stack.killReplica(practice.stack.replicas(Service.PRACTICE_LOG).get(0));
            practice.stack.killReplica(practice.stack.replicas(Service.PROGRESS).get(0));
            writers.awaitAcknowledged(60);
            practice.stack.addReplica(Service.PRACTICE_LOG);
            practice.stack.addReplica(Service.PROGRESS);
            replaced = Instant.now();
            writers.awaitAcknowledged(30);
        }

        long lost = writers.lost();
        assertThat(lost).as("acknowledged writes missing").isZero();
        long doubled = 0;
        for (LogWriter writer : writers.all()) {
            for (ServiceProcess progress : practice.stack.replicas(Service.PROGRESS)) {
                doubled += practice.awaitProgressOfLogDatabase(progress.url(), writer.learner, CATCH_UP);
            }
        }
        assertThat(doubled).isZero();
        Scoreboard.record(new Row("replicas: a practice-log and a progress replica SIGKILLed mid-stream", writers.acknowledged(),
                lost, doubled, writers.failed(), seconds(replaced, Instant.now()),
                "requests in flight on the killed replica fail (not acknowledged); every progress replica equals the log database"));
    }

    @Test
    @Order(5)
    void aRollingRestartOfEveryServiceUnderLoadFailsNoRequestAndLosesNothing() throws Exception {
        long balancerFailures = balancerFailures();
        Instant started = Instant.now();
        Instant rolled;
        Writers writers = Writers.start(practice, CLIENTS, true, PACE);
        try (writers) {
            writers.awaitAcknowledged(20);
            for (Service service : Service.values()) {
                List<ServiceProcess> old = practice.stack.replicas(service);
                practice.stack.rollingRestart(service);
                assertThat(practice.stack.replicas(service)).hasSize(REPLICAS).doesNotContainAnyElementsOf(old);
            }
            rolled = Instant.now();
            writers.awaitAcknowledged(20);
        }

        assertThat(writers.failures()).as("failed requests").isEmpty();
        assertThat(writers.failed()).as("failed requests").isZero();
        assertThat(balancerFailures()).as("requests the balancers could not pass on").isEqualTo(balancerFailures);
        long lost = writers.lost();
        assertThat(lost).isZero();
        for (LogWriter writer : writers.all()) {
            practice.awaitProgressOfLogDatabase(practice.url(Service.PROGRESS, ""), writer.learner, CATCH_UP);
        }
        Scoreboard.record(new Row("replicas: rolling restart of all four services under " + CLIENTS + " clients (write, then 4 reads)",
                writers.requests(), lost, 0, writers.failed(), Double.NaN, REPLICAS * Service.values().length + " replicas replaced in "
                        + Math.round(seconds(started, rolled)) + " s; 0 failed requests; progress equals the log database"));
    }

    /**
     * Reminders due at once (at 00:00 of today, the token's zone) for users with a skill never
     * practised: whichever progress replica's timer comes first claims each, and each is sent once.
     */
    @Test
    @Order(6)
    void aReminderThatComesDueWhileTwoProgressReplicasRunIsSentOnce() {
        int users = 20;
        List<UUID> reminded = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Practice.Learner learner = practice.newLearner();
            // the skill is known to progress before the reminder is due, or the day would have nothing to remind of
            await().atMost(CATCH_UP).until(() -> practice.count(Service.PROGRESS, "select count(*) from skills where id = ?::uuid",
                    learner.skill()) == 1);
            Response put = Client.send("PUT", replica(Service.PROGRESS, i) + "/progress/settings", learner.token(),
                    Map.of("reminders", Map.of("enabled", true, "after_days", 1, "local_time", "00:00")), Map.of());
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            reminded.add(learner.user());
        }
        Instant due = Instant.now();
        String ids = reminded.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        await().atMost(CATCH_UP).until(() -> practice.count(Service.PROGRESS, "select count(*) from reminders_sent where user_id = any(?::uuid[])",
                ids) == users);
        Instant sent = Instant.now();

        await().atMost(CATCH_UP).untilAsserted(() -> {
            Map<String, Long> perUser = practice.readAll(Topics.PROGRESS_EVENTS).stream()
                    .filter(record -> reminded.contains(UUID.fromString(record.key())))
                    .filter(record -> "reminder.due.v1".equals(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(perUser).hasSize(users).allSatisfy((user, count) -> assertThat(count).as("reminders of %s", user).isEqualTo(1));
        });
        assertThat(practice.count(Service.PROGRESS, "select count(*) from progress_settings where user_id = any(?::uuid[])"
                + " and reminder_next_at > now()", ids)).as("each user's next reminder moved on to tomorrow").isEqualTo(users);
        Scoreboard.record(new Row("replicas: reminders due while two progress replicas run", users, 0, 0, 0, seconds(due, sent),
                "each sent once, by whichever replica claimed it"));
    }

    /**
     * A progress replica SIGKILLed after it claimed a due reminder and before its transaction appended
     * the event: the claim dies with the replica's transaction and the other replica sends the
     * reminder, once. The test holds {@code reminders_sent} in share mode so that the claiming replica
     * waits, its claim held, at the insert that precedes the event's; it finds the replica by its
     * connection's {@code application_name}.
     */
    @Test
    @Order(7)
    void aProgressReplicaKilledBetweenClaimingAReminderAndSendingItLeavesItToTheOtherOnce() throws Exception {
        Practice.Learner learner = practice.newLearner();
        await().atMost(CATCH_UP).until(() -> practice.count(Service.PROGRESS, "select count(*) from skills where id = ?::uuid",
                learner.skill()) == 1);
        ServiceProcess killed;
        Instant claimed;
        try (Connection holder = practice.connect(Service.PROGRESS)) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table reminders_sent in share mode");
            Response put = Client.send("PUT", practice.url(Service.PROGRESS, "/progress/settings"), learner.token(),
                    Map.of("reminders", Map.of("enabled", true, "after_days", 1, "local_time", "00:00")), Map.of());
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            String claimant = await().atMost(CATCH_UP).until(() -> waitingReplica(holder), Objects::nonNull);
            claimed = Instant.now();
            killed = practice.stack.replicas(Service.PROGRESS).stream().filter(replica -> replica.name().equals(claimant)).findFirst()
                    .orElseThrow(() -> new AssertionError("no progress replica is named " + claimant));
            practice.stack.killReplica(killed);
            holder.rollback();
        }
        assertThat(killed.isAlive()).isFalse();

        await().atMost(CATCH_UP).until(() -> practice.count(Service.PROGRESS, "select count(*) from reminders_sent where user_id = ?::uuid",
                learner.user()) == 1);
        Instant sent = Instant.now();
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(events(learner.user(), "reminder.due.v1")).hasSize(1));
        practice.stack.addReplica(Service.PROGRESS);
        assertThat(practice.stack.replicas(Service.PROGRESS)).hasSize(REPLICAS);
        Scoreboard.record(new Row("replicas: a progress replica SIGKILLed between claiming a reminder and sending it", 1, 0, 0, 0,
                seconds(claimed, sent), "sent once, by the other replica"));
    }

    /** The progress replica whose connection waits for a lock the holder has, or null while none does. */
    private static String waitingReplica(Connection holder) throws SQLException {
        try (PreparedStatement query = holder.prepareStatement("""
                select application_name from pg_stat_activity
                 where datname = current_database() and wait_event_type = 'Lock' and pg_backend_pid() = any(pg_blocking_pids(pid))""");
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /**
     * Two progress replicas whose clock runs 54 hours ahead in 2-hour steps, through their users'
     * reminder times and local midnights, a user in {@code Pacific/Auckland} and one in
     * {@code America/Los_Angeles}: each reminder is sent once at the user's own 18:00 for each day with
     * a skill unpractised since yesterday, and each two-day streak (the skill's and the user's) ends
     * once, when the day after its last is over in the user's zone.
     */
    @Test
    @Order(8)
    void withTheClockMovedThroughReminderTimesAndMidnightsEachReminderAndEndedStreakIsSentOnce() throws Exception {
        List<Zoned> learners = new ArrayList<>();
        Instant settingsAt = Instant.now();
        for (String zone : List.of("Pacific/Auckland", "America/Los_Angeles")) {
            learners.add(zonedLearner(ZoneId.of(zone)));
        }
        String ids = learners.stream().map(zoned -> zoned.user().toString()).collect(Collectors.joining(",", "{", "}"));

        Duration step = Duration.ofHours(2);
        for (Duration ahead = step; ahead.compareTo(Duration.ofHours(54)) <= 0; ahead = ahead.plus(step)) {
            practice.moveClockAhead(ahead);
            Duration by = ahead;
            await().atMost(CATCH_UP).untilAsserted(() -> {
                Instant now = Instant.now().plus(by);
                assertThat(practice.count(Service.PROGRESS, "select count(*) from reminders_sent where user_id = any(?::uuid[])", ids))
                        .as("reminders sent with the clock %s ahead", by)
                        .isEqualTo(learners.stream().mapToLong(zoned -> zoned.remindedDays(settingsAt, now).size()).sum());
                assertThat(practice.count(Service.PROGRESS, "select count(*) from streak_watch where user_id = any(?::uuid[])", ids))
                        .as("streaks still watched with the clock %s ahead", by)
                        .isEqualTo(learners.stream().filter(zoned -> !zoned.streakOver(now)).count() * 2);
            });
        }

        Instant end = Instant.now().plus(Duration.ofHours(54));
        for (Zoned zoned : learners) {
            List<JsonNode> reminders = events(zoned.user(), "reminder.due.v1");
            assertThat(reminders.stream().map(data -> LocalDate.parse(data.path("local_date").asText())))
                    .as("the days %s was reminded on", zoned.zone()).containsExactlyInAnyOrderElementsOf(zoned.remindedDays(settingsAt, end));
            assertThat(reminders).allSatisfy(data -> assertThat(Instant.parse(data.path("due_at").asText()))
                    .as("the reminder of %s", data).isEqualTo(zoned.reminderAt(LocalDate.parse(data.path("local_date").asText()))));
            List<JsonNode> ended = events(zoned.user(), "streak.ended.v1");
            assertThat(ended).as("the streaks of %s that ended", zoned.zone()).hasSize(2).allSatisfy(data -> {
                assertThat(data.path("length_days").asInt()).isEqualTo(2);
                assertThat(data.path("last_practiced_date").asText()).isEqualTo(zoned.lastDay().toString());
            });
            assertThat(ended.stream().map(data -> data.path("skill_id").asText(null))).containsExactlyInAnyOrder(zoned.skill(), null);
        }
        Scoreboard.record(new Row("replicas: the clock of two progress replicas moved 54 h through reminder times and midnights",
                learners.size(), 0, 0, 0, Double.NaN, "each reminder at the user's 18:00 and each ended streak sent once"));
    }

    /** A learner in a zone, reminded at 18:00 after a day without practice, who practised yesterday and today (local). */
    record Zoned(UUID user, String skill, ZoneId zone, LocalDate lastDay) {

        static final LocalTime REMINDER = LocalTime.of(18, 0);

        Instant reminderAt(LocalDate day) {
            return day.atTime(REMINDER).atZone(zone).toInstant();
        }

        /** The local days whose reminder falls after the settings and by {@code now}, with the skill unpractised since the day before. */
        List<LocalDate> remindedDays(Instant settingsAt, Instant now) {
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate day = lastDay.plusDays(1); !reminderAt(day).isAfter(now); day = day.plusDays(1)) {
                if (reminderAt(day).isAfter(settingsAt)) {
                    days.add(day);
                }
            }
            return days;
        }

        /** Whether the day after the last practice day is over in the learner's zone. */
        boolean streakOver(Instant now) {
            return !now.isBefore(lastDay.plusDays(2).atStartOfDay(zone).toInstant());
        }
    }

    private static Zoned zonedLearner(ZoneId zone) {
        UUID user = UUID.randomUUID();
        String token = practice.stack.tokenFor(user, zone.getId());
        String skill = practice.createSkill(token);
        // the zone is the settings', so they come first: the streak is watched by the zone its last day is in;
        // reminders are turned on once the practice is counted (a setting made after today's 18:00 reminds
        // for today at once, and the practice must be there by then)
        putReminders(token, false);
        Instant today = Instant.now().minus(Duration.ofHours(1));
        LocalDate lastDay = LocalDate.ofInstant(today, zone);
        Instant yesterday = lastDay.minusDays(1).atTime(LocalTime.NOON).atZone(zone).toInstant();
        for (Instant practised : List.of(yesterday, today)) {
            Map<String, Object> log = Practice.log(skill, 30);
            log.put("date_practiced", practised.toString());
            Response logged = Client.post(practice.url(Service.PRACTICE_LOG, "/practice-logs"), token, log);
            assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        }
        practice.awaitProgress(token, skill, 2, 60, CATCH_UP);
        await().atMost(CATCH_UP).until(() -> practice.count(Service.PROGRESS, "select count(*) from streak_watch where user_id = ?::uuid",
                user) == 2);
        putReminders(token, true);
        return new Zoned(user, skill, zone, lastDay);
    }

    /** The caller's reminders at 18:00 after a day without practice, on or off. */
    private static void putReminders(String token, boolean enabled) {
        Response put = Client.send("PUT", practice.url(Service.PROGRESS, "/progress/settings"), token,
                Map.of("reminders", Map.of("enabled", enabled, "after_days", 1, "local_time", "18:00")), Map.of());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    /** The data of every event of this type about the user on progress-events. */
    private static List<JsonNode> events(UUID user, String type) {
        return practice.readAll(Topics.PROGRESS_EVENTS).stream()
                .filter(record -> type.equals(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)))
                .map(record -> Client.json(record.value()))
                .filter(data -> user.toString().equals(data.path("user_id").asText()))
                .toList();
    }

    /** The base URL of one replica of a service, counting round: replica(s, 0), replica(s, 1), ... */
    private static String replica(Service service, int index) {
        List<ServiceProcess> replicas = practice.stack.replicas(service);
        return replicas.get(index % replicas.size()).url();
    }

    private static String skillName(ServiceProcess progress, Practice.Learner learner) {
        var read = Practice.progress(progress.url(), learner.token(), learner.skill());
        return read == null ? null : read.path("skill_name").asText(null);
    }

    private static long balancerFailures() {
        long failures = 0;
        for (Service service : Service.values()) {
            failures += practice.stack.balancer(service).failures();
        }
        return failures;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
