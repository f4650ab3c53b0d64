package dev.practicetracker.progress.rest;

import static dev.practicetracker.progress.event.ProgressEvents.publishLog;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.progress.event.ProgressEvents;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The summary across skills, the patterns and the breakdowns equal a brute-force recomputation from
 * the logs: random histories (a fixed seed) of users in several zones, some logs written in another
 * zone than the user's, some deleted, skills with and without tags and categories, read over random
 * ranges.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class InsightsTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Pacific/Auckland"), ZoneId.of("America/Los_Angeles"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Europe/Berlin"), ZoneId.of("UTC"));
    private static final List<String> TAGS = List.of("data", "music", "sql");
    private static final List<String> CATEGORIES = List.of("skill", "context");
    private static final List<String> ACTIVITIES = List.of("practice", "reading", "drill");

    /** A skill as generated. */
    private record Skill(UUID id, String category, List<String> tags) {
    }

    /** A live log as generated: its skill, its local day and hour where it was written, its minutes and activity. */
    private record Log(Skill skill, LocalDate day, int hour, int minutes, String activity) {
    }

    /** One user's history. */
    private record History(UUID user, ZoneId zone, List<Skill> skills, List<Log> logs) {
    }

    @Test
    void summaryPatternsAndBreakdownEqualARecomputationFromTheLogs() {
        Random random = new Random(20271207L);
        List<History> histories = new ArrayList<>();
        for (ZoneId zone : ZONES) {
            histories.add(publishHistory(random, zone));
        }
        for (History history : histories) {
            await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                    "select count(*) from log_facts where user_id = ? and not deleted", history.user()) == history.logs().size()
                    && TestDatabase.count("select count(*) from log_facts where user_id = ? and deleted", history.user()) > 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                    "select coalesce(sum(total_sessions), 0) from user_progress where user_id = ?", history.user()) == history.logs().size());
        }

        for (History history : histories) {
            String token = TestTokens.forUser(history.user(), history.zone().getId());
            LocalDate today = LocalDate.now(history.zone());
            for (int round = 0; round < 4; round++) {
                LocalDate to = today.minusDays(random.nextInt(60));
                LocalDate from = to.minusDays(random.nextInt(300));
                for (String period : List.of("week", "month")) {
                    List<Map<String, Object>> summary = given().auth().oauth2(token).queryParam("period", period)
                            .queryParam("from", from.toString()).queryParam("to", to.toString()).when().get("/progress/summary")
                            .then().statusCode(200).extract().jsonPath().getList("items");
                    assertThat(summary).as("%s summary of %s, %s to %s", period, history.zone(), from, to)
                            .isEqualTo(summary(history.logs(), period, from, to));
                }
                JsonPath patterns = given().auth().oauth2(token).queryParam("from", from.toString()).queryParam("to", to.toString())
                        .when().get("/progress/patterns").then().statusCode(200).extract().jsonPath();
                assertPatterns(patterns, inRange(history.logs(), from, to), history.zone() + " " + from + " to " + to);
                for (String by : List.of("tag", "category", "activity_type")) {
                    List<Map<String, Object>> items = given().auth().oauth2(token).queryParam("by", by).queryParam("from", from.toString())
                            .queryParam("to", to.toString()).when().get("/progress/breakdown").then().statusCode(200)
                            .extract().jsonPath().getList("items");
                    assertThat(items).as("breakdown by %s of %s, %s to %s", by, history.zone(), from, to)
                            .isEqualTo(breakdown(inRange(history.logs(), from, to), by));
                }
            }
            Skill one = history.skills().get(0);
            JsonPath ofOneSkill = given().auth().oauth2(token).queryParam("skill_id", one.id().toString()).when().get("/progress/patterns")
                    .then().statusCode(200).extract().jsonPath();
            assertPatterns(ofOneSkill, history.logs().stream().filter(log -> log.skill().equals(one)).toList(), "one skill of " + history.zone());
            JsonPath allTime = given().auth().oauth2(token).when().get("/progress/patterns").then().statusCode(200).extract().jsonPath();
            assertPatterns(allTime, history.logs(), "all of " + history.zone());
        }
    }

    @Test
    void anotherUsersSkillAndAnUnknownBreakdownAreRefused() {
        UUID owner = UUID.randomUUID();
        UUID skill = ProgressEvents.publishSkill(owner, "Owned");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from skills where id = ?", skill) == 1);
        given().auth().oauth2(TestTokens.forUser(UUID.randomUUID())).queryParam("skill_id", skill.toString()).when().get("/progress/patterns")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.forUser(owner)).queryParam("by", "colour").when().get("/progress/breakdown").then().statusCode(400);
        given().auth().oauth2(TestTokens.forUser(owner)).when().get("/progress/breakdown").then().statusCode(400);
        given().auth().oauth2(TestTokens.forUser(owner)).queryParam("from", "2027-01-02").queryParam("to", "2027-01-01").when()
                .get("/progress/patterns").then().statusCode(400);
    }

    private static History publishHistory(Random random, ZoneId zone) {
        UUID user = UUID.randomUUID();
        List<Skill> skills = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> tags = TAGS.stream().filter(tag -> random.nextInt(3) == 0).toList();
            String category = random.nextInt(3) == 0 ? null : CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            Skill skill = new Skill(UUID.randomUUID(), category, tags);
            Instant now = Instant.now();
            ProgressEvents.publishSkillState(new SkillData(skill.id(), user, "Skill " + i, null, category, null, null, tags, null, null, 1,
                    now, now, false));
            skills.add(skill);
        }
        List<Log> logs = new ArrayList<>();
        int count = 20 + random.nextInt(30);
        for (int i = 0; i < count; i++) {
            Skill skill = skills.get(random.nextInt(skills.size()));
            Instant at = Instant.now().minus(random.nextInt(400), ChronoUnit.DAYS).minusSeconds(random.nextInt(86_400));
            ZoneId writtenIn = random.nextInt(5) == 0 ? ZONES.get(random.nextInt(ZONES.size())) : zone;
            int minutes = 1 + random.nextInt(180);
            String activity = random.nextInt(4) == 0 ? null : ACTIVITIES.get(random.nextInt(ACTIVITIES.size()));
            LocalDate day = LocalDate.ofInstant(at, writtenIn);
            PracticeLogData log = new PracticeLogData(UUID.randomUUID(), user, skill.id(), at, day, writtenIn.getId(), minutes, "Practice",
                    null, null, activity, null, false, 1, at, at, false);
            publishLog(EventTypes.PRACTICE_LOG_CREATED, log);
            if (random.nextInt(8) == 0 || i == 0) {
                publishLog(EventTypes.PRACTICE_LOG_DELETED, ProgressEvents.changed(log, minutes, 2, true));
            } else {
                logs.add(new Log(skill, day, at.atZone(writtenIn).getHour(), minutes, activity));
            }
        }
        return new History(user, zone, skills, logs);
    }

    private static List<Log> inRange(List<Log> logs, LocalDate from, LocalDate to) {
        return logs.stream().filter(log -> !log.day().isBefore(from) && !log.day().isAfter(to)).toList();
    }

    /** Every week (from Monday) or month touching the range, with the sessions and minutes of its days in the range. */
    private static List<Map<String, Object>> summary(List<Log> logs, String period, LocalDate from, LocalDate to) {
        Function<LocalDate, LocalDate> startOf = period.equals("week") ? day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day -> day.withDayOfMonth(1);
        TreeMap<LocalDate, int[]> buckets = new TreeMap<>();
        for (LocalDate start = startOf.apply(from); !start.isAfter(to); start = period.equals("week") ? start.plusWeeks(1) : start.plusMonths(1)) {
            buckets.put(start, new int[2]);
        }
        for (Log log : inRange(logs, from, to)) {
            int[] bucket = buckets.get(startOf.apply(log.day()));
            bucket[0]++;
            bucket[1] += log.minutes();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        buckets.forEach((start, totals) -> items.add(Map.of("period_start", start.toString(), "sessions", totals[0], "minutes", totals[1])));
        return items;
    }

    private static void assertPatterns(JsonPath patterns, List<Log> logs, String what) {
        List<Map<String, Object>> weekdays = new ArrayList<>();
        for (DayOfWeek weekday : DayOfWeek.values()) {
            List<Log> of = logs.stream().filter(log -> log.day().getDayOfWeek() == weekday).toList();
            weekdays.add(Map.of("weekday", weekday.name().toLowerCase(Locale.ROOT), "sessions", of.size(), "minutes",
                    of.stream().mapToInt(Log::minutes).sum()));
        }
        List<Map<String, Object>> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            int at = hour;
            List<Log> of = logs.stream().filter(log -> log.hour() == at).toList();
            hours.add(Map.of("hour", hour, "sessions", of.size(), "minutes", of.stream().mapToInt(Log::minutes).sum()));
        }
        assertThat(patterns.getList("by_weekday")).as("by weekday, %s", what).isEqualTo(weekdays);
        assertThat(patterns.getList("by_hour")).as("by hour, %s", what).isEqualTo(hours);
    }

    /** Sessions and minutes per key, most minutes first, then by key with none last; a log counts under each tag of its skill. */
    private static List<Map<String, Object>> breakdown(List<Log> logs, String by) {
        Map<String, int[]> totals = new HashMap<>();
        for (Log log : logs) {
            List<String> keys = switch (by) {
                case "tag" -> log.skill().tags().isEmpty() ? java.util.Collections.singletonList(null) : log.skill().tags();
                case "category" -> java.util.Collections.singletonList(log.skill().category());
                default -> java.util.Collections.singletonList(log.activity());
            };
            for (String key : keys) {
                int[] total = totals.computeIfAbsent(key, k -> new int[2]);
                total[0]++;
                total[1] += log.minutes();
            }
        }
        Comparator<Map.Entry<String, int[]>> order = Comparator.comparing((Map.Entry<String, int[]> entry) -> -entry.getValue()[1])
                .thenComparing(Map.Entry::getKey, Comparator.nullsLast(Comparator.naturalOrder()));
        List<Map<String, Object>> items = new ArrayList<>();
        totals.entrySet().stream().sorted(order).forEach(entry -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", entry.getKey());
            item.put("sessions", entry.getValue()[0]);
            item.put("minutes", entry.getValue()[1]);
            items.add(item);
        });
        return items;
    }
}
