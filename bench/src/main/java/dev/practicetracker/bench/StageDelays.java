package dev.practicetracker.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.practicetracker.local.Service;
import io.vertx.core.http.HttpMethod;

/**
 * Where a write's way into progress went, from the services' own delay histograms
 * ({@code /q/metrics}) scraped before and after a scenario: the difference of two scrapes holds the
 * scenario's observations alone. A percentile is read as the upper bound of the bucket it falls in.
 */
final class StageDelays {

    /** The cumulative count of each bucket ({@code le}, in seconds) of one histogram, at one scrape. */
    record Buckets(TreeMap<Double, Double> cumulative) {

        Buckets minus(Buckets earlier) {
            TreeMap<Double, Double> difference = new TreeMap<>();
            cumulative.forEach((bound, count) -> difference.put(bound, count - earlier.cumulative.getOrDefault(bound, 0.0)));
            return new Buckets(difference);
        }

        double count() {
            return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        }

        /** The bucket bound, in milliseconds, under which a fraction {@code q} of the observations fell. */
        double percentileMillis(double q) {
            double wanted = q * count();
            for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
                if (bucket.getValue() >= wanted) {
                    return bucket.getKey() * 1000;
                }
            }
            return Double.NaN;
        }
    }

    /** A bucket's upper bound among a sample's labels. */
    private static final Pattern BUCKET_BOUND = Pattern.compile("le=\"([^\"]+)\"");

    private StageDelays() {
    }

    static Buckets scrape(BenchContext bench, Service service, String histogram, String topic) {
        String exposition = bench.await(bench.http.requestAbs(HttpMethod.GET, bench.url(service) + "/q/metrics").send()).bodyAsString();
        return buckets(exposition, histogram, topic);
    }

    static Buckets buckets(String exposition, String histogram, String topic) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(histogram) + "_bucket\\{([^}]*)\\} (\\S+)").matcher(exposition);
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        while (sample.find()) {
            String labels = sample.group(1);
            Matcher bound = BUCKET_BOUND.matcher(labels);
            if (labels.contains("topic=\"" + topic + "\"") && bound.find()) {
                cumulative.put(bound.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound.group(1)),
                        Double.parseDouble(sample.group(2)));
            }
        }
        return new Buckets(cumulative);
    }
}
