package dev.practicetracker.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample out of a Prometheus text exposition ({@code /q/metrics}). */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of {@code metric} whose labels include {@code topic="<topic>"} (or of the unlabelled
     * metric when topic is null); 0 when the service has not registered it yet.
     */
    public static double value(String exposition, String metric, String topic) {
        String labels = topic == null ? "(\\{[^}]*\\})?" : "\\{[^}]*topic=\"" + Pattern.quote(topic) + "\"[^}]*\\}";
        // a sample may end in an exemplar ("# {trace_id=...} 1.0 <time>") after its value
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(metric) + labels + " (\\S+)").matcher(exposition);
        return sample.find() ? Double.parseDouble(sample.group(sample.groupCount())) : 0;
    }

    /** Whether any sample of a metric whose name starts with {@code prefix} is exposed. */
    public static boolean exposes(String exposition, String prefix) {
        return Pattern.compile("(?m)^" + Pattern.quote(prefix) + "\\S*[ {]").matcher(exposition).find();
    }
}
