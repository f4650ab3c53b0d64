package dev.practicetracker.practicelog.transfer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.practicetracker.platform.problem.ProblemException;

/** Where an import comes from: our own CSV or JSON, or another tracker's export. */
public enum ImportSource {

    NATIVE(null), TOGGL(new TogglCsv()), CLOCKIFY(new ClockifyCsv()), LOOP(new LoopCheckmarks()), WAKATIME(new WakaTimeDump());

    private final ForeignFormat format;

    ImportSource(ForeignFormat format) {
        this.format = format;
    }

    ForeignFormat format() {
        return format;
    }

    public static ImportSource of(String text) {
        return Arrays.stream(values()).filter(source -> source.name().toLowerCase(Locale.ROOT).equals(text)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("source", "must be one of " + Arrays.stream(values())
                        .map(source -> source.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
    }
}
