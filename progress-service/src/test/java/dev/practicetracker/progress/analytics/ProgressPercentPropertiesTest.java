package dev.practicetracker.progress.analytics;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * ANALYTICS.md's rules for progress_percent as properties over random histories (QuickTheories:
 * generated cases, shrunk to a smallest counterexample on failure, a fixed seed so runs repeat).
 */
class ProgressPercentPropertiesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final long SEED = 20261122L;
    private static final int CASES = 1000;

    @Test
    void addingALogNeverLowersProgress() {
        qt().withFixedSeed(SEED).withExamples(CASES)
                .forAll(histories(), logs(), targets())
                .check((logs, added, target) -> {
                    List<Histories.Log> more = new ArrayList<>(logs);
                    more.add(added);
                    Integer targetHours = target == 0 ? null : target;
                    return ProgressCalculator.progressPercent(Histories.of(more), targetHours, TODAY)
                            >= ProgressCalculator.progressPercent(Histories.of(logs), targetHours, TODAY);
                });
    }

    @Test
    void progressStaysBetweenZeroAndAHundredAndReachesItOnlyAtATarget() {
        qt().withFixedSeed(SEED).withExamples(CASES)
                .forAll(histories(), targets(), integers().between(0, 400))
                .check((logs, target, daysLater) -> {
                    Integer targetHours = target == 0 ? null : target;
                    double progress = ProgressCalculator.progressPercent(Histories.of(logs), targetHours, TODAY.plusDays(daysLater));
                    return progress >= 0 && progress <= 100 && (targetHours != null || progress < 100);
                });
    }

    @Test
    void noLogsIsZeroWhateverTheTarget() {
        qt().withFixedSeed(SEED).forAll(targets())
                .check(target -> ProgressCalculator.progressPercent(PracticeHistory.EMPTY, target == 0 ? null : target, TODAY) == 0);
    }

    /** Mostly the unsaturated range where a wrong formula would show: up to 80 logs, mostly under two hours. */
    private static Gen<List<Histories.Log>> histories() {
        return lists().of(logs()).ofSizeBetween(0, 80);
    }

    private static Gen<Histories.Log> logs() {
        Gen<Integer> minutes = integers().between(1, 120).mix(integers().between(1, 1440), 10);
        return integers().between(0, 400).zip(minutes, (daysAgo, duration) -> new Histories.Log(TODAY.minusDays(daysAgo), duration));
    }

    /** Target hours, 0 standing for "no target". */
    private static Gen<Integer> targets() {
        return integers().between(0, 100000);
    }
}
