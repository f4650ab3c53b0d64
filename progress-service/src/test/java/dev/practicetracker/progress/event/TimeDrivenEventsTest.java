package dev.practicetracker.progress.event;

import static dev.practicetracker.progress.event.ProgressEvents.factId;
import static dev.practicetracker.progress.event.ProgressEvents.field;
import static dev.practicetracker.progress.event.ProgressEvents.log;
import static dev.practicetracker.progress.event.ProgressEvents.publishErasure;
import static dev.practicetracker.progress.event.ProgressEvents.publishLog;
import static dev.practicetracker.progress.event.ProgressEvents.publishSkill;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.Topics;
import dev.practicetracker.progress.analytics.ReminderSchedule;
import dev.practicetracker.progress.repository.SettingsRepository;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Reminders and lapsed streaks as two replicas send them: each scheduler run here stands for a replica looking at
 * its clock, two of them at every step of a timeline that crosses reminder times, local midnights and
 * a change of the clocks. The reminders lie in 2027, ahead of the real clock the service's own timer
 * reads, which looks at them as a third replica would only once they are due by it.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class TimeDrivenEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalTime SIX_PM = LocalTime.of(18, 0);
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Inject
    TimeDrivenEvents scheduler;

    @Inject
    SettingsRepository settings;

    @Inject
    Pool pool;

    @Test
    void twoReplicasSendEachUsersReminderOncePerLocalDayAtSixInTheirZoneAlsoWhenTheClocksChange() throws Exception {
        // Los Angeles springs forward on 14 March 2027, Auckland falls back on 4 April 2027
        UUID angeleno = stalledUser(LOS_ANGELES, LocalDate.of(2027, 3, 12));
        UUID aucklander = stalledUser(AUCKLAND, LocalDate.of(2027, 4, 2));

        twoReplicasRun(ZonedDateTime.of(2027, 3, 12, 0, 0, 0, 0, LOS_ANGELES).toInstant(), Duration.ofDays(4));
        twoReplicasRun(ZonedDateTime.of(2027, 4, 2, 0, 0, 0, 0, AUCKLAND).toInstant(), Duration.ofDays(4));

        // the second run reaches the Angeleno's evenings of 1–4 April too (the days between were missed: no replica ran)
        List<LocalDate> angelenosDays = concat(days(LocalDate.of(2027, 3, 12), 4), days(LocalDate.of(2027, 4, 1), 4));
        try (KafkaProbe probe = KafkaProbe.reading(Topics.PROGRESS_EVENTS)) {
            for (var user : Map.of(angeleno, angelenosDays, aucklander, days(LocalDate.of(2027, 4, 2), 4)).entrySet()) {
                ZoneId zone = user.getKey().equals(angeleno) ? LOS_ANGELES : AUCKLAND;
                List<ConsumerRecord<String, String>> reminders = probe.awaitRecords(reminderOf(user.getKey()), user.getValue().size());

                assertThat(reminders).extracting(record -> field(record, "local_date"))
                        .containsExactlyElementsOf(user.getValue().stream().map(LocalDate::toString).toList());
                assertThat(reminders).extracting(record -> LocalDateTime.ofInstant(Instant.parse(field(record, "due_at")), zone)
                        .toLocalTime()).containsOnly(SIX_PM);
                assertThat(reminders).extracting(record -> KafkaProbe.header(record.headers(), "ce_id"))
                        .containsExactlyElementsOf(user.getValue().stream().map(day -> factId("reminder:" + user.getKey() + ":" + day)).toList());
            }
        }
        assertThat(TestDatabase.count("select count(*) from reminders_sent where user_id in (?, ?)", angeleno, aucklander)).isEqualTo(12);
    }

    @Test
    void aReminderNamesTheSkillsUnpractisedForTheUsersDaysAndNoneIsSentWhileEverySkillIsFresh() throws Exception {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        UUID user = UUID.randomUUID();
        UUID practised = publishSkill(user, "Practised on the 10th");
        UUID neglected = publishSkill(user, "Never practised");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, practised, ZonedDateTime.of(2027, 5, 10, 9, 0, 0, 0, zone).toInstant(),
                LocalDate.of(2027, 5, 10), 30, null, 1));
        await().atMost(WAIT).until(() -> TestDatabase.count("select count(*) from skill_progress where skill_id = ?", practised) == 1
                && TestDatabase.count("select count(*) from skills where id in (?, ?)", practised, neglected) == 2);
        settingsFor(user, zone, 3, LocalDate.of(2027, 5, 11));
        // the neglected skill is deleted from the 12th, so only the practised one can be stale
        twoReplicasRun(ZonedDateTime.of(2027, 5, 11, 0, 0, 0, 0, zone).toInstant(), Duration.ofDays(1));
        ProgressEvents.publishSkillState(ProgressEvents.skill(neglected, user, "Never practised", null, 2, true));
        await().atMost(WAIT).until(() -> TestDatabase.count("select count(*) from skills where id = ? and deleted", neglected) == 1);
        twoReplicasRun(ZonedDateTime.of(2027, 5, 12, 0, 0, 0, 0, zone).toInstant(), Duration.ofDays(2));

        try (KafkaProbe probe = KafkaProbe.reading(Topics.PROGRESS_EVENTS)) {
            List<ConsumerRecord<String, String>> reminders = probe.awaitRecords(reminderOf(user), 2);

            // the 11th: only the never-practised skill (the other one was practised a day before); the 12th:
            // nothing stale for 3 days; the 13th: the practised one, 3 days on
            assertThat(reminders).extracting(record -> field(record, "local_date")).containsExactly("2027-05-11", "2027-05-13");
            JsonNode first = JSON.readTree(reminders.get(0).value()).path("skills");
            assertThat(first).hasSize(1);
            assertThat(first.get(0).path("skill_id").asText()).isEqualTo(neglected.toString());
            assertThat(first.get(0).path("days_since_last_practice").isNull()).isTrue();
            JsonNode last = JSON.readTree(reminders.get(1).value()).path("skills");
            assertThat(last).hasSize(1);
            assertThat(last.get(0).path("skill_name").asText()).isEqualTo("Practised on the 10th");
            assertThat(last.get(0).path("days_since_last_practice").asInt()).isEqualTo(3);
        }
    }

    /** Users claimed in one batch are decided together (their skills read in one query): each reminder names its user's stale skills only. */
    @Test
    void usersDecidedInOneBatchGetEachTheirOwnReminderOrNone() throws Exception {
        ZoneId zone = ZoneId.of("Europe/Lisbon");
        LocalDate day = LocalDate.of(2027, 7, 20);
        UUID fresh = UUID.randomUUID();
        UUID freshSkill = publishSkill(fresh, "Practised yesterday");
        UUID neglecting = UUID.randomUUID();
        UUID neglected = publishSkill(neglecting, "Never practised");
        UUID mixed = UUID.randomUUID();
        UUID mixedFresh = publishSkill(mixed, "Also practised yesterday");
        UUID mixedStale = publishSkill(mixed, "Practised a week ago");
        Instant yesterday = ZonedDateTime.of(day.minusDays(1), LocalTime.NOON, zone).toInstant();
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(fresh, freshSkill, yesterday, day.minusDays(1), 20, null, 1));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(mixed, mixedFresh, yesterday, day.minusDays(1), 20, null, 1));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(mixed, mixedStale, ZonedDateTime.of(day.minusDays(7), LocalTime.NOON, zone).toInstant(),
                day.minusDays(7), 20, null, 1));
        await().atMost(WAIT).until(() -> TestDatabase.count("select count(*) from skill_progress where skill_id in (?, ?, ?)", freshSkill,
                mixedFresh, mixedStale) == 3 && TestDatabase.count("select count(*) from skills where id = ?", neglected) == 1);
        for (UUID user : List.of(fresh, neglecting, mixed)) {
            settingsFor(user, zone, 3, day);
        }

        scheduler.remindDue(ReminderSchedule.dueAt(day, SIX_PM, zone)).await().atMost(WAIT);

        try (KafkaProbe probe = KafkaProbe.reading(Topics.PROGRESS_EVENTS)) {
            JsonNode neglectingSkills = JSON.readTree(probe.awaitRecords(reminderOf(neglecting), 1).get(0).value()).path("skills");
            assertThat(neglectingSkills).extracting(skill -> skill.path("skill_id").asText()).containsExactly(neglected.toString());
            JsonNode mixedSkills = JSON.readTree(probe.awaitRecords(reminderOf(mixed), 1).get(0).value()).path("skills");
            assertThat(mixedSkills).extracting(skill -> skill.path("skill_id").asText()).containsExactly(mixedStale.toString());
        }
        assertThat(TestDatabase.count("select count(*) from reminders_sent where user_id = ?", fresh)).as("a user with every skill fresh")
                .isZero();
        assertThat(TestDatabase.count("select count(*) from progress_settings where user_id in (?, ?, ?) and reminder_next_at = ?", fresh,
                neglecting, mixed, ReminderSchedule.dueAt(day.plusDays(1), SIX_PM, zone).atOffset(ZoneOffset.UTC)))
                .as("every claimed user's next reminder moved on").isEqualTo(3);
    }

    @Test
    void aDayMissedWhileNoReplicaRanIsSentLateOnceWhileItLastsAndNotAtAllOnceItIsOver() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Tokyo");
        UUID user = stalledUser(zone, LocalDate.of(2027, 6, 1));

        // nothing ran on the 1st until 23:00 (late, sent), nor from the 2nd 17:00 until the 3rd 09:00 (the 2nd is lost)
        scheduler.remindDue(ZonedDateTime.of(2027, 6, 1, 23, 0, 0, 0, zone).toInstant()).await().atMost(WAIT);
        scheduler.remindDue(ZonedDateTime.of(2027, 6, 2, 17, 0, 0, 0, zone).toInstant()).await().atMost(WAIT);
        scheduler.remindDue(ZonedDateTime.of(2027, 6, 3, 9, 0, 0, 0, zone).toInstant()).await().atMost(WAIT);
        twoReplicasRun(ZonedDateTime.of(2027, 6, 3, 9, 0, 0, 0, zone).toInstant(), Duration.ofHours(12));

        try (KafkaProbe probe = KafkaProbe.reading(Topics.PROGRESS_EVENTS)) {
            assertThat(probe.awaitRecords(reminderOf(user), 2)).extracting(record -> field(record, "local_date"))
                    .containsExactly("2027-06-01", "2027-06-03");
        }
    }

    @Test
    void aReplicaKilledBetweenClaimingAReminderAndCommittingLeavesItToTheOtherWhichSendsItOnce() throws Exception {
        ZoneId zone = ZoneId.of("America/New_York");
        UUID user = stalledUser(zone, LocalDate.of(2027, 7, 1));
        Instant evening = ZonedDateTime.of(2027, 7, 1, 18, 30, 0, 0, zone).toInstant();

        SqlConnection killed = pool.getConnection().await().atMost(WAIT);
        killed.begin().await().atMost(WAIT);
        assertThat(settings.claimDue(killed, evening, 1000).await().atMost(WAIT)).extracting(SettingsRepository.DueReminder::userId)
                .contains(user);
        // while the claim is held, the other replica passes the reminder by
        scheduler.remindDue(evening).await().atMost(WAIT);
        assertThat(TestDatabase.count("select count(*) from reminders_sent where user_id = ?", user)).isZero();
        // the first replica dies: its transaction is rolled back with its connection
        killed.close().await().atMost(WAIT);

        scheduler.remindDue(evening.plus(Duration.ofMinutes(10))).await().atMost(WAIT);
        scheduler.remindDue(evening.plus(Duration.ofMinutes(20))).await().atMost(WAIT);

        try (KafkaProbe probe = KafkaProbe.reading(Topics.PROGRESS_EVENTS)) {
            assertThat(probe.awaitRecords(reminderOf(user), 1)).hasSize(1);
        }
        assertThat(TestDatabase.count("select count(*) from reminders_sent where user_id = ?", user)).isEqualTo(1);
    }

    @Test
    void anErasedUserGetsNoReminder() {
        ZoneId zone = ZoneId.of("UTC");
        UUID user = stalledUser(zone, LocalDate.of(2027, 8, 1));
        publishErasure(user);
        await().atMost(WAIT).until(() -> TestDatabase.count("select count(*) from progress_settings where user_id = ?", user) == 0);

        twoReplicasRun(ZonedDateTime.of(2027, 8, 1, 0, 0, 0, 0, zone).toInstant(), Duration.ofDays(1));

        assertThat(TestDatabase.count("select count(*) from reminders_sent where user_id = ?", user)).isZero();
    }

    @Test
    void aStreakIsAnnouncedOnceTheDayAfterItsLastIsOverInTheUsersZoneForTheSkillAndAcrossSkills() throws Exception {
        UUID user = UUID.randomUUID();
        TestDatabase.execute("insert into progress_settings (user_id, zone, reminders_enabled, reminder_after_days, reminder_local_time,"
                + " version, updated_at) values (?, 'Pacific/Auckland', false, 3, '18:00', 1, now())", user);
        UUID running = publishSkill(user, "Three days running");
        UUID once = publishSkill(user, "Once");
        for (int day = 1; day <= 3; day++) {
            publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, running, ZonedDateTime.of(2027, 9, day, 7, 0, 0, 0, AUCKLAND).toInstant(),
                    LocalDate.of(2027, 9, day), 20, null, 1));
        }
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, once, ZonedDateTime.of(2027, 9, 2, 7, 0, 0, 0, AUCKLAND).toInstant(),
                LocalDate.of(2027, 9, 2), 20, null, 1));
        // the running skill's streak and the user's are watched; a single day is no streak
        await().atMost(WAIT).until(() -> TestDatabase.count("select count(*) from streak_watch where user_id = ? and last_day = '2027-09-03'",
                user) == 2);
        assertThat(TestDatabase.count("select count(*) from streak_watch where streak = ?", once)).isZero();

        // until the 4th is over in Auckland the streaks go on
        twoReplicasRun(ZonedDateTime.of(2027, 9, 3, 0, 0, 0, 0, AUCKLAND).toInstant(), Duration.ofDays(2).minusMinutes(1));
        assertThat(TestDatabase.count("select count(*) from streak_watch where user_id = ?", user)).isEqualTo(2);
        twoReplicasRun(ZonedDateTime.of(2027, 9, 5, 0, 0, 0, 0, AUCKLAND).toInstant(), Duration.ofHours(2));
        assertThat(TestDatabase.count("select count(*) from streak_watch where user_id = ?", user)).isZero();

        try (KafkaProbe probe = KafkaProbe.reading(Topics.PROGRESS_EVENTS)) {
            List<ConsumerRecord<String, String>> ended = probe.awaitRecords(record -> user.toString().equals(record.key())
                    && EventTypes.STREAK_ENDED.equals(KafkaProbe.header(record.headers(), "ce_type")), 2);

            assertThat(ended).extracting(record -> field(record, "skill_id")).containsExactlyInAnyOrder(running.toString(), "null");
            assertThat(ended).extracting(record -> field(record, "length_days")).containsOnly("3");
            assertThat(ended).extracting(record -> field(record, "last_practiced_date")).containsOnly("2027-09-03");
            assertThat(ended).extracting(record -> field(record, "ended_on")).containsOnly("2027-09-04");
        }
    }

    /** A streak ending on Friday with weekends to rest lapses on Monday; a skip day put on that Monday moves its end to Tuesday. */
    @Test
    void aStreakLapsesOnTheFirstDayThatIsNoBreakAndABreakAddedLaterMovesItsEnd() throws Exception {
        UUID user = UUID.randomUUID();
        TestDatabase.execute("insert into progress_settings (user_id, zone, reminders_enabled, reminder_after_days, reminder_local_time,"
                + " version, updated_at, rest_weekdays) values (?, 'Pacific/Auckland', false, 3, '18:00', 1, now(), 96)", user);
        UUID skill = publishSkill(user, "Wednesday to Friday");
        for (int day = 1; day <= 3; day++) {
            publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, ZonedDateTime.of(2027, 9, day, 7, 0, 0, 0, AUCKLAND).toInstant(),
                    LocalDate.of(2027, 9, day), 20, null, 1));
        }
        await().atMost(WAIT).until(() -> TestDatabase.count("select count(*) from streak_watch where user_id = ? and due_at = ?", user,
                ZonedDateTime.of(2027, 9, 7, 0, 0, 0, 0, AUCKLAND).toOffsetDateTime()) == 2);

        given().auth().oauth2(TestTokens.forUser(user, AUCKLAND.getId())).contentType(ContentType.JSON)
                .body(Map.of("from", "2027-09-06", "to", "2027-09-06", "reason", "Moving house")).when().put("/progress/skip-days")
                .then().statusCode(201);
        twoReplicasRun(ZonedDateTime.of(2027, 9, 6, 12, 0, 0, 0, AUCKLAND).toInstant(), Duration.ofHours(1));
        assertThat(TestDatabase.count("select count(*) from streak_watch where user_id = ? and due_at = ?", user,
                ZonedDateTime.of(2027, 9, 8, 0, 0, 0, 0, AUCKLAND).toOffsetDateTime())).as("watched until Tuesday is over").isEqualTo(2);
        twoReplicasRun(ZonedDateTime.of(2027, 9, 7, 12, 0, 0, 0, AUCKLAND).toInstant(), Duration.ofHours(12).plusMinutes(20));

        try (KafkaProbe probe = KafkaProbe.reading(Topics.PROGRESS_EVENTS)) {
            List<ConsumerRecord<String, String>> ended = probe.awaitRecords(record -> user.toString().equals(field(record, "user_id"))
                    && EventTypes.STREAK_ENDED.equals(KafkaProbe.header(record.headers(), "ce_type")), 2);

            assertThat(ended).extracting(record -> field(record, "length_days")).containsOnly("3");
            assertThat(ended).extracting(record -> field(record, "ended_on")).containsOnly("2027-09-07");
        }
        assertThat(TestDatabase.count("select count(*) from streak_watch where user_id = ?", user)).isZero();
    }

    @Test
    void settingsAreStoredWithTheTokensZoneAndReadBackWithTheirVersion() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.forUser(user, "Pacific/Auckland");
        given().auth().oauth2(token).when().get("/progress/settings").then().statusCode(200)
                .body("reminders.enabled", equalTo(false)).body("reminders.after_days", equalTo(3))
                .body("reminders.local_time", equalTo("18:00")).body("zone", equalTo("Pacific/Auckland")).body("version", equalTo(0));

        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("reminders", Map.of("enabled", true, "after_days", 5, "local_time", "07:30")))
                .when().put("/progress/settings").then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("reminders.enabled", equalTo(true)).body("reminders.after_days", equalTo(5))
                .body("reminders.local_time", equalTo("07:30")).body("zone", equalTo("Pacific/Auckland"));

        assertThat(TestDatabase.count("select count(*) from progress_settings where user_id = ? and zone = 'Pacific/Auckland'"
                + " and reminder_next_at is not null", user)).isEqualTo(1);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("enabled", true, "after_days", 0, "local_time", "07:30"),
                Map.of("enabled", true, "after_days", 61, "local_time", "07:30"), Map.of("enabled", true, "after_days", 3, "local_time", "24:00"),
                Map.of("enabled", true, "after_days", 3, "local_time", "7:30"), Map.of("after_days", 3, "local_time", "07:30"))) {
            given().auth().oauth2(token).contentType("application/json").body(Map.of("reminders", bad))
                    .when().put("/progress/settings").then().statusCode(400).body("violations[0].field", startsWith("reminders."));
        }
        given().auth().oauth2(token).when().get("/progress/settings").then().statusCode(200).body("reminders.after_days", equalTo(5))
                .body("version", equalTo(1));
    }

    /** A user with reminders at 18:00 after 1 day and one skill never practised: stale every day. */
    private UUID stalledUser(ZoneId zone, LocalDate from) {
        UUID user = UUID.randomUUID();
        UUID skill = publishSkill(user, "Stalled in " + zone);
        await().atMost(WAIT).until(() -> TestDatabase.count("select count(*) from skills where id = ?", skill) == 1);
        settingsFor(user, zone, 1, from);
        return user;
    }

    /** Reminders at 18:00 after {@code afterDays}, the first due on {@code from}, as PUT /progress/settings stores them on that day. */
    private static void settingsFor(UUID user, ZoneId zone, int afterDays, LocalDate from) {
        Instant firstDue = ReminderSchedule.dueAt(from, SIX_PM, zone);
        TestDatabase.execute("insert into progress_settings (user_id, zone, reminders_enabled, reminder_after_days, reminder_local_time,"
                + " reminder_next_at, version, updated_at) values (?, ?, true, ?, ?, ?, 1, now())", user, zone.getId(), afterDays,
                SIX_PM, firstDue.atOffset(ZoneOffset.UTC));
    }

    /** Two replicas looking at the same clock every 20 minutes from {@code from} for {@code length}, as each one's timer does. */
    private void twoReplicasRun(Instant from, Duration length) {
        for (Instant now = from; now.isBefore(from.plus(length)); now = now.plus(Duration.ofMinutes(20))) {
            Instant at = now;
            Uni.join().all(scheduler.remindDue(at).chain(() -> scheduler.endLapsedStreaks(at)),
                    scheduler.remindDue(at).chain(() -> scheduler.endLapsedStreaks(at))).andFailFast().await().atMost(WAIT);
        }
    }

    private static Predicate<ConsumerRecord<String, String>> reminderOf(UUID user) {
        return record -> user.toString().equals(record.key()) && EventTypes.REMINDER_DUE.equals(KafkaProbe.header(record.headers(), "ce_type"));
    }

    private static List<LocalDate> days(LocalDate first, int count) {
        return first.datesUntil(first.plusDays(count)).toList();
    }

    private static List<LocalDate> concat(List<LocalDate> first, List<LocalDate> then) {
        return Stream.concat(first.stream(), then.stream()).toList();
    }
}
