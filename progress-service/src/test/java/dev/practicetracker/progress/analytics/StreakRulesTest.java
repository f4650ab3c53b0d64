package dev.practicetracker.progress.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** ANALYTICS.md's break rule and counting day, for every streak figure: current, longest, and the one a lapse ends. */
class StreakRulesTest {

    /** A Saturday. */
    private static final LocalDate TODAY = LocalDate.parse("2027-03-20");

    @Test
    void tenPractisedDaysWithAnUnpractisedSkipDayInTheMiddleAreAStreakOfTenNotTwoOfFive() {
        LocalDate skip = TODAY.minusDays(5);
        List<PracticeDay> days = practised(30, TODAY.minusDays(10), TODAY, skip);
        StreakRules withBreak = new StreakRules(1, Set.of(), List.of(new StreakRules.Break(skip, skip)));

        assertThat(ProgressCalculator.currentStreak(days, TODAY, withBreak)).isEqualTo(10);
        assertThat(ProgressCalculator.longestStreak(days, withBreak)).isEqualTo(10);
        assertThat(ProgressCalculator.streakEndingAtLast(days, withBreak)).isEqualTo(10);
        // the skip day removed: the streak is split again
        assertThat(ProgressCalculator.currentStreak(days, TODAY, StreakRules.PLAIN)).isEqualTo(5);
        assertThat(ProgressCalculator.longestStreak(days, StreakRules.PLAIN)).isEqualTo(5);
    }

    @Test
    void aPractisedSkipDayCountsAsUsual() {
        List<PracticeDay> days = practised(30, TODAY.minusDays(10), TODAY);
        LocalDate skip = TODAY.minusDays(5);
        StreakRules withBreak = new StreakRules(1, Set.of(), List.of(new StreakRules.Break(skip, skip)));

        assertThat(ProgressCalculator.currentStreak(days, TODAY, withBreak)).isEqualTo(11);
        assertThat(ProgressCalculator.longestStreak(days, withBreak)).isEqualTo(11);
    }

    @Test
    void withTwentyMinutesToCountATenMinuteDayBreaksTheStreak() {
        List<PracticeDay> days = new ArrayList<>(practised(30, TODAY.minusDays(9), TODAY.minusDays(5)));
        days.add(new PracticeDay(TODAY.minusDays(4), 2, 10));
        days.addAll(practised(30, TODAY.minusDays(3), TODAY));
        StreakRules twenty = new StreakRules(20, Set.of(), List.of());

        assertThat(ProgressCalculator.currentStreak(days, TODAY, twenty)).isEqualTo(4);
        assertThat(ProgressCalculator.longestStreak(days, twenty)).isEqualTo(5);
        assertThat(ProgressCalculator.currentStreak(days, TODAY, StreakRules.PLAIN)).isEqualTo(10);
        // a short day on a break day is passed over like an unpractised one
        StreakRules twentyWithBreak = new StreakRules(20, Set.of(), List.of(new StreakRules.Break(TODAY.minusDays(4), TODAY.minusDays(4))));
        assertThat(ProgressCalculator.currentStreak(days, TODAY, twentyWithBreak)).isEqualTo(9);
    }

    @Test
    void restWeekdaysCarryAWorkingWeekStreakAcrossAMonth() {
        // Monday to Friday for four weeks, never at weekends; today is a Saturday
        List<PracticeDay> days = new ArrayList<>();
        for (LocalDate day = TODAY.minusDays(27); !day.isAfter(TODAY); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                days.add(new PracticeDay(day, 1, 30));
            }
        }
        StreakRules weekends = new StreakRules(1, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of());

        assertThat(days).hasSize(20);
        assertThat(ProgressCalculator.currentStreak(days, TODAY, weekends)).isEqualTo(20);
        assertThat(ProgressCalculator.currentStreak(days, TODAY.plusDays(2), weekends)).as("on the Monday after").isEqualTo(20);
        assertThat(ProgressCalculator.currentStreak(days, TODAY.plusDays(3), weekends)).as("on the Tuesday after, Monday unpractised")
                .isZero();
        assertThat(ProgressCalculator.longestStreak(days, weekends)).isEqualTo(20);
        assertThat(ProgressCalculator.currentStreak(days, TODAY, StreakRules.PLAIN)).as("Saturday, Friday the last practised day").isEqualTo(5);
        assertThat(ProgressCalculator.longestStreak(days, StreakRules.PLAIN)).isEqualTo(5);
    }

    @Test
    void aStreakLapsesOnTheFirstDayAfterItsLastThatIsNoBreak() {
        // Friday the 19th; Saturday and Sunday rest; a skip day on Monday the 22nd
        StreakRules rules = new StreakRules(1, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                List.of(new StreakRules.Break(LocalDate.parse("2027-03-22"), LocalDate.parse("2027-03-22"))));

        assertThat(rules.lapseDayAfter(LocalDate.parse("2027-03-19"))).isEqualTo(LocalDate.parse("2027-03-23"));
        assertThat(StreakRules.PLAIN.lapseDayAfter(LocalDate.parse("2027-03-19"))).isEqualTo(LocalDate.parse("2027-03-20"));
    }

    @Test
    void overlappingAndTouchingBreaksAreOneBreak() {
        StreakRules rules = new StreakRules(1, Set.of(), List.of(new StreakRules.Break(TODAY.minusDays(3), TODAY.minusDays(2)),
                new StreakRules.Break(TODAY.minusDays(10), TODAY.minusDays(4)), new StreakRules.Break(TODAY.minusDays(8), TODAY.minusDays(6))));

        for (int ago = 2; ago <= 10; ago++) {
            assertThat(rules.isBreak(TODAY.minusDays(ago))).as("%d days ago", ago).isTrue();
        }
        assertThat(rules.isBreak(TODAY.minusDays(1))).isFalse();
        assertThat(rules.isBreak(TODAY.minusDays(11))).isFalse();
    }

    @Test
    void addingASkipDayNeverLowersAnyStreak() {
        qt().withFixedSeed(20270320L).withExamples(2000)
                .forAll(histories(), rules(), integers().between(0, 120), integers().between(0, 6))
                .check((days, rules, ago, length) -> {
                    LocalDate first = TODAY.minusDays(ago);
                    List<StreakRules.Break> more = new ArrayList<>(rules.breaks);
                    more.add(new StreakRules.Break(first, first.plusDays(length)));
                    StreakRules before = rules.build();
                    StreakRules after = new StreakRules(rules.minMinutes, rules.restWeekdays, more);
                    return ProgressCalculator.currentStreak(days, TODAY, after) >= ProgressCalculator.currentStreak(days, TODAY, before)
                            && ProgressCalculator.longestStreak(days, after) >= ProgressCalculator.longestStreak(days, before)
                            && ProgressCalculator.streakEndingAtLast(days, after) >= ProgressCalculator.streakEndingAtLast(days, before);
                });
    }

    @Test
    void withoutBreaksAndAMinuteToCountTheRuleIsConsecutivePractisedDays() {
        qt().withFixedSeed(20270321L).withExamples(1000).forAll(histories()).check(days -> {
            Set<LocalDate> dates = new HashSet<>();
            days.forEach(day -> dates.add(day.date()));
            int consecutive = run(dates, TODAY);
            return ProgressCalculator.currentStreak(days, TODAY, StreakRules.PLAIN)
                    == (consecutive > 0 ? consecutive : run(dates, TODAY.minusDays(1)));
        });
    }

    /** Practised days in a row ending on {@code last}. */
    private static int run(Set<LocalDate> dates, LocalDate last) {
        int run = 0;
        while (dates.contains(last.minusDays(run))) {
            run++;
        }
        return run;
    }

    /** Rules as generated: kept apart so that a break can be added to them. */
    private record Rules(int minMinutes, Set<DayOfWeek> restWeekdays, List<StreakRules.Break> breaks) {

        StreakRules build() {
            return new StreakRules(minMinutes, restWeekdays, breaks);
        }
    }

    private static Gen<Rules> rules() {
        Gen<Integer> minMinutes = integers().between(1, 60);
        // any set of weekdays but all seven (127)
        Gen<Set<DayOfWeek>> rest = integers().between(0, 126).map(Weekdays::of);
        Gen<List<StreakRules.Break>> breaks = lists().of(integers().between(0, 120).zip(integers().between(0, 5),
                (ago, length) -> new StreakRules.Break(TODAY.minusDays(ago), TODAY.minusDays(ago).plusDays(length)))).ofSizeBetween(0, 4);
        return minMinutes.zip(rest, breaks, Rules::new);
    }

    /** Up to 60 practice days in the last 120, of 1 to 90 minutes. */
    private static Gen<List<PracticeDay>> histories() {
        return lists().of(integers().between(0, 120).zip(integers().between(1, 90), (ago, minutes) -> new Histories.Log(TODAY.minusDays(ago),
                minutes))).ofSizeBetween(0, 60).map(logs -> Histories.of(logs).days());
    }

    /** A session of {@code minutes} on every day from {@code first} to {@code last} but the {@code except}ed ones. */
    private static List<PracticeDay> practised(int minutes, LocalDate first, LocalDate last, LocalDate... except) {
        List<PracticeDay> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!List.of(except).contains(day)) {
                days.add(new PracticeDay(day, 1, minutes));
            }
        }
        return days;
    }
}
