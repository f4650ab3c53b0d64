package dev.practicetracker.progress.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.progress.analytics.PracticeDay;
import dev.practicetracker.progress.analytics.PracticeHistory;
import dev.practicetracker.progress.analytics.StreakRules;
import dev.practicetracker.progress.analytics.WeeklyGoal;
import dev.practicetracker.progress.repository.PublishedSkills.GoalMet;
import dev.practicetracker.progress.repository.PublishedSkills.Moved;
import dev.practicetracker.progress.repository.PublishedSkills.Reached;
import dev.practicetracker.progress.repository.StoredSkillProgress;

/** What one moved skill announces, decided without the database. */
class ProgressPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID SKILL = UUID.randomUUID();
    /** Sunday evening in UTC, Monday morning in Auckland. */
    private static final Instant CHANGE = Instant.parse("2026-12-06T21:00:00Z");

    @Test
    void aBatchThatCrossesSeveralLevelsAnnouncesEachOnceAndKeepsTheHighest() throws Exception {
        List<OutboxMessage> events = new ArrayList<>();
        List<Reached> reached = new ArrayList<>();

        ProgressPublisher.announce(moved(sessionsOn(26, LocalDate.of(2026, 12, 6)), null, 1, 0, ZoneOffset.UTC), events, reached, new ArrayList<>());

        assertThat(events).filteredOn(event -> event.type().equals(EventTypes.LEVEL_REACHED))
                .extracting(event -> field(event, "level")).containsExactly("2", "3");
        assertThat(reached).extracting(Reached::level).containsExactly(3);
        assertThat(events).filteredOn(event -> event.type().equals(EventTypes.SKILL_PROGRESS_CHANGED)).hasSize(1);
    }

    @Test
    void aLevelReachedBeforeIsNotAnnouncedAgain() {
        List<OutboxMessage> events = new ArrayList<>();
        List<Reached> reached = new ArrayList<>();

        ProgressPublisher.announce(moved(sessionsOn(26, LocalDate.of(2026, 12, 6)), null, 3, 2, ZoneOffset.UTC), events, reached, new ArrayList<>());

        assertThat(events).extracting(OutboxMessage::type).containsExactly(EventTypes.SKILL_PROGRESS_CHANGED);
        assertThat(reached).isEmpty();
    }

    @Test
    void theWeekOfAGoalIsTheOneOfTheChangesDayInTheUsersZone() throws Exception {
        WeeklyGoal goal = new WeeklyGoal(30, null);
        // practised on Monday the 7th in Auckland (its local date), changed on Sunday the 6th in UTC
        PracticeHistory monday = sessionsOn(1, LocalDate.of(2026, 12, 7));
        List<GoalMet> inAuckland = new ArrayList<>();
        List<OutboxMessage> events = new ArrayList<>();
        ProgressPublisher.announce(moved(monday, goal, 1, 0, ZoneId.of("Pacific/Auckland")), events, new ArrayList<>(), inAuckland);
        List<GoalMet> inUtc = new ArrayList<>();
        ProgressPublisher.announce(moved(monday, goal, 1, 0, ZoneOffset.UTC), new ArrayList<>(), new ArrayList<>(), inUtc);

        assertThat(inAuckland).extracting(met -> met.week().weekStart()).containsExactly(LocalDate.of(2026, 12, 7));
        assertThat(JSON.readTree(events.get(0).payload()).path("goal").path("week_start").asText()).isEqualTo("2026-12-07");
        // on Sunday the 6th in UTC the practice of the 7th is not in the week yet
        assertThat(inUtc).isEmpty();
    }

    private static Moved moved(PracticeHistory history, WeeklyGoal goal, int levelReached, int stageReached, ZoneId zone) {
        StoredSkillProgress stored = new StoredSkillProgress(SKILL, true, USER, false, "Skill", null, 0, 0, USER, history, goal, CHANGE,
                CHANGE, StreakRules.PLAIN);
        return new Moved(stored, 2, levelReached, stageReached, zone);
    }

    /** {@code sessions} sessions of 30 minutes on {@code day}. */
    private static PracticeHistory sessionsOn(int sessions, LocalDate day) {
        return new PracticeHistory(sessions, 30L * sessions, CHANGE, CHANGE, 0, 0, 0, 0, List.of(new PracticeDay(day, sessions, 30 * sessions)));
    }

    private static String field(OutboxMessage event, String name) {
        try {
            JsonNode data = JSON.readTree(event.payload());
            return data.path(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
