package dev.practicetracker.progress.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.practicetracker.progress.analytics.ReminderSchedule.Decision;

class ReminderScheduleTest {

    private static final LocalTime SIX_PM = LocalTime.of(18, 0);
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void remindersFallAtSixInTheEveningLocalTimeEveryDayAcrossBothClockChangesOfEachZone() {
        // 2026: Los Angeles springs forward on 8 March and falls back on 1 November; Auckland falls back
        // on 5 April and springs forward on 27 September
        for (ZoneId zone : List.of(AUCKLAND, LOS_ANGELES)) {
            for (LocalDate change : List.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 4, 5),
                    LocalDate.of(2026, 9, 27))) {
                List<LocalDateTime> reminded = run(zone, change.minusDays(3), 7);

                assertThat(reminded).as("in %s around %s", zone, change).hasSize(7)
                        .allSatisfy(at -> assertThat(at.toLocalTime()).isEqualTo(SIX_PM));
                assertThat(reminded).extracting(LocalDateTime::toLocalDate)
                        .containsExactlyElementsOf(change.minusDays(3).datesUntil(change.plusDays(4)).toList());
            }
        }
    }

    @Test
    void theDayTheClocksChangeIsTwentyThreeOrTwentyFiveHoursFromTheReminderBefore() {
        Instant before = ReminderSchedule.dueAt(LocalDate.of(2026, 3, 7), SIX_PM, LOS_ANGELES);
        Decision spring = ReminderSchedule.decide(before, before, SIX_PM, LOS_ANGELES);
        assertThat(Duration.between(before, spring.nextDueAt())).isEqualTo(Duration.ofHours(23));

        Instant autumn = ReminderSchedule.dueAt(LocalDate.of(2026, 10, 31), SIX_PM, LOS_ANGELES);
        assertThat(Duration.between(autumn, ReminderSchedule.decide(autumn, autumn, SIX_PM, LOS_ANGELES).nextDueAt()))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aTimeTheClocksSkipIsDueJustAfterTheGapAndOneTheyRepeatTheFirstTime() {
        LocalTime halfPastTwo = LocalTime.of(2, 30);
        assertThat(ReminderSchedule.dueAt(LocalDate.of(2026, 3, 8), halfPastTwo, LOS_ANGELES).atZone(LOS_ANGELES).toLocalTime())
                .isEqualTo(LocalTime.of(3, 30));
        LocalTime halfPastOne = LocalTime.of(1, 30);
        Instant repeated = ReminderSchedule.dueAt(LocalDate.of(2026, 11, 1), halfPastOne, LOS_ANGELES);
        assertThat(repeated).isEqualTo(ZonedDateTime.of(LocalDate.of(2026, 11, 1), halfPastOne, LOS_ANGELES).withEarlierOffsetAtOverlap()
                .toInstant());
    }

    @Test
    void aDayMissedWhileTheServiceWasDownIsRemindedLateWhileItLastsAndSkippedOnceItIsOver() {
        Instant due = ReminderSchedule.dueAt(LocalDate.of(2026, 12, 7), SIX_PM, AUCKLAND);

        Decision late = ReminderSchedule.decide(due, due.plus(Duration.ofHours(5)), SIX_PM, AUCKLAND);
        assertThat(late.remindFor()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(late.nextDueAt()).isEqualTo(ReminderSchedule.dueAt(LocalDate.of(2026, 12, 8), SIX_PM, AUCKLAND));

        // looked at the next morning: that day is over, and today's time has not come yet
        Decision over = ReminderSchedule.decide(due, due.plus(Duration.ofHours(15)), SIX_PM, AUCKLAND);
        assertThat(over.remindFor()).isNull();
        assertThat(over.nextDueAt()).isEqualTo(ReminderSchedule.dueAt(LocalDate.of(2026, 12, 8), SIX_PM, AUCKLAND));

        // looked at three days later in the evening: today's only
        Decision days = ReminderSchedule.decide(due, due.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)), SIX_PM, AUCKLAND);
        assertThat(days.remindFor()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(days.nextDueAt()).isEqualTo(ReminderSchedule.dueAt(LocalDate.of(2026, 12, 11), SIX_PM, AUCKLAND));
    }

    @Test
    void aSettingMadeAfterTodaysTimeIsDueAtOnceAndOneMadeBeforeItLaterToday() {
        Instant evening = ZonedDateTime.of(2026, 12, 7, 19, 0, 0, 0, LOS_ANGELES).toInstant();
        assertThat(ReminderSchedule.firstDueAt(evening, SIX_PM, LOS_ANGELES)).isBefore(evening);
        Instant morning = ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, LOS_ANGELES).toInstant();
        assertThat(ReminderSchedule.firstDueAt(morning, SIX_PM, LOS_ANGELES))
                .isEqualTo(ZonedDateTime.of(2026, 12, 7, 18, 0, 0, 0, LOS_ANGELES).toInstant());
    }

    /** A scheduler that looks every ten minutes for {@code days} days from midnight of {@code from}: the local times it reminds at. */
    private static List<LocalDateTime> run(ZoneId zone, LocalDate from, int days) {
        Instant now = from.atStartOfDay(zone).toInstant();
        Instant end = from.plusDays(days).atStartOfDay(zone).toInstant();
        Instant due = ReminderSchedule.firstDueAt(now, SIX_PM, zone);
        List<LocalDateTime> reminded = new ArrayList<>();
        for (; now.isBefore(end); now = now.plus(Duration.ofMinutes(10))) {
            if (!due.isAfter(now)) {
                Decision decision = ReminderSchedule.decide(due, now, SIX_PM, zone);
                if (decision.remindFor() != null) {
                    reminded.add(LocalDateTime.ofInstant(now, zone));
                }
                due = decision.nextDueAt();
            }
        }
        return reminded;
    }
}
