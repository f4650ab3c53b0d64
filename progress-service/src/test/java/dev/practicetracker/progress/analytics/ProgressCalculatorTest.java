package dev.practicetracker.progress.analytics;

import static dev.practicetracker.progress.analytics.Histories.regular;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgressCalculatorTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    @Test
    void tenWeeklySessionsOfNinetyMinutesAreFortyFivePercentIntermediate() {
        PracticeHistory history = Histories.of(regular(10, 90, 7, TODAY));

        double progress = ProgressCalculator.progressPercent(history, null, TODAY);

        assertThat(progress).isCloseTo(45, within(3.0));
        assertThat(Stage.of(progress)).isEqualTo(Stage.INTERMEDIATE);
    }

    @Test
    void fiftyDailySessionsOfNinetySixMinutesAreEightyFivePercentAdvanced() {
        PracticeHistory history = Histories.of(regular(50, 96, 1, TODAY));

        double progress = ProgressCalculator.progressPercent(history, null, TODAY);

        assertThat(progress).isCloseTo(85, within(3.0));
        assertThat(Stage.of(progress)).isEqualTo(Stage.ADVANCED);
    }

    @Test
    void noLogsIsZeroProgressAndABeginner() {
        assertThat(ProgressCalculator.progressPercent(PracticeHistory.EMPTY, null, TODAY)).isZero();
        assertThat(Stage.of(0)).isEqualTo(Stage.BEGINNER);
    }

    @Test
    void aReachedTargetIsAHundredPercent() {
        PracticeHistory history = Histories.of(regular(10, 60, 1, TODAY));

        assertThat(ProgressCalculator.progressPercent(history, 10, TODAY)).isEqualTo(100.0);
        assertThat(ProgressCalculator.progressPercent(history, 20, TODAY)).isGreaterThanOrEqualTo(50.0);
    }

    @Test
    void withoutATargetAHundredIsNeverReached() {
        PracticeHistory lifetime = Histories.of(regular(3000, 240, 1, TODAY));

        assertThat(ProgressCalculator.progressPercent(lifetime, null, TODAY)).isLessThan(100.0);
    }

    @Test
    void progressFadesWhenPracticeStops() {
        PracticeHistory history = Histories.of(regular(20, 60, 1, TODAY.minusDays(60)));

        assertThat(ProgressCalculator.progressPercent(history, null, TODAY))
                .isLessThan(ProgressCalculator.progressPercent(history, null, TODAY.minusDays(60)));
    }

    @Test
    void aStreakEndsTodayOrYesterday() {
        List<PracticeDay> days = Histories.of(regular(5, 30, 1, TODAY.minusDays(1))).days();

        assertThat(ProgressCalculator.currentStreak(days, TODAY, StreakRules.PLAIN)).isEqualTo(5);
        assertThat(ProgressCalculator.currentStreak(days, TODAY.plusDays(1), StreakRules.PLAIN)).isZero();
    }

    @Test
    void aGapBreaksTheStreakButNotTheLongest() {
        List<Histories.Log> logs = new ArrayList<>(regular(6, 30, 1, TODAY.minusDays(10)));
        logs.addAll(regular(3, 30, 1, TODAY));
        List<PracticeDay> days = Histories.of(logs).days();

        assertThat(ProgressCalculator.currentStreak(days, TODAY, StreakRules.PLAIN)).isEqualTo(3);
        assertThat(ProgressCalculator.longestStreak(days, StreakRules.PLAIN)).isEqualTo(6);
    }

    @Test
    void windowsEndTodayInclusive() {
        List<PracticeDay> days = Histories.of(regular(40, 10, 1, TODAY)).days();

        assertThat(ProgressCalculator.window(days, TODAY, 7)).containsExactly(7, 70);
        assertThat(ProgressCalculator.window(days, TODAY, 30)).containsExactly(30, 300);
    }

    @Test
    void steadyDailyPracticeIsMaintaining() {
        assertThat(ProgressCalculator.trend(Histories.of(regular(60, 30, 1, TODAY)), TODAY)).isEqualTo(Trend.MAINTAINING);
        assertThat(ProgressCalculator.trend(Histories.of(regular(10, 30, 1, TODAY)), TODAY)).isEqualTo(Trend.MAINTAINING);
    }

    @Test
    void practiceDoubledOverTheLastWeekAfterASteadyMonthIsImproving() {
        List<Histories.Log> logs = new ArrayList<>(regular(30, 30, 1, TODAY.minusDays(7)));
        logs.addAll(regular(7, 60, 1, TODAY));

        assertThat(ProgressCalculator.trend(Histories.of(logs), TODAY)).isEqualTo(Trend.IMPROVING);
    }

    @Test
    void tenIdleDaysAfterASteadyMonthIsDeclining() {
        PracticeHistory history = Histories.of(regular(30, 30, 1, TODAY.minusDays(10)));

        assertThat(ProgressCalculator.trend(history, TODAY)).isEqualTo(Trend.DECLINING);
    }

    @Test
    void fewerThanThreeSessionsIsMaintaining() {
        PracticeHistory history = Histories.of(regular(2, 300, 1, TODAY));

        assertThat(ProgressCalculator.trend(history, TODAY)).isEqualTo(Trend.MAINTAINING);
    }

    @Test
    void levelsAreReachedAtTenTwentyFiveFortyFiveAndSeventyFiveSessions() {
        assertThat(ProgressCalculator.level(0)).isEqualTo(1);
        assertThat(ProgressCalculator.sessionsToNextLevel(0)).isEqualTo(10);
        assertThat(ProgressCalculator.level(9)).isEqualTo(1);
        assertThat(ProgressCalculator.level(10)).isEqualTo(2);
        assertThat(ProgressCalculator.sessionsToNextLevel(10)).isEqualTo(15);
        assertThat(ProgressCalculator.level(25)).isEqualTo(3);
        assertThat(ProgressCalculator.level(45)).isEqualTo(4);
        assertThat(ProgressCalculator.sessionsToNextLevel(74)).isEqualTo(1);
        assertThat(ProgressCalculator.level(75)).isEqualTo(5);
        assertThat(ProgressCalculator.sessionsToNextLevel(75)).isNull();
    }

    @Test
    void sessionsPerWeekCountsAtLeastOneWeek() {
        assertThat(ProgressCalculator.sessionsPerWeek(Histories.of(regular(3, 30, 1, TODAY)), TODAY)).isEqualTo(3.0);
        assertThat(ProgressCalculator.sessionsPerWeek(Histories.of(regular(10, 30, 7, TODAY)), TODAY)).isCloseTo(1.0, within(0.2));
    }
}
