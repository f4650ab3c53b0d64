package dev.practicetracker.bench;

/**
 * One measured figure beside the limit measured in the same run: {@code ratio} = figure ÷ limit
 * (for latencies, limit ÷ figure, so higher is always better). {@code target} says what passes; a
 * figure that explains another one has neither limit nor target.
 */
public record Result(String id, String what, double figure, String unit, String limitWhat, Double limit, String limitUnit,
        Double ratio, String target, Boolean met) {

    static Result throughput(String id, String what, double ours, String unit, String limitWhat, double limit, double minimumRatio) {
        double ratio = ours / limit;
        return new Result(id, what, ours, unit, limitWhat, limit, unit, ratio, "ratio ≥ " + minimumRatio, ratio >= minimumRatio);
    }

    static Result bounded(String id, String what, double ours, String unit, String limitWhat, Double limit, String limitUnit,
            double maximum) {
        Double ratio = limit == null ? null : limit / ours;
        return new Result(id, what, ours, unit, limitWhat, limit, limitUnit, ratio, "≤ " + format(maximum) + " " + unit, ours <= maximum);
    }

    static Result atLeast(String id, String what, double ours, String unit, String limitWhat, Double limit, String limitUnit,
            double minimum) {
        Double ratio = limit == null ? null : ours / limit;
        return new Result(id, what, ours, unit, limitWhat, limit, limitUnit, ratio, "≥ " + format(minimum) + " " + unit, ours >= minimum);
    }

    /** A figure that explains another one (where its time went): no limit, no target. */
    static Result observed(String id, String what, double ours, String unit) {
        return new Result(id, what, ours, unit, null, null, null, null, "—", null);
    }

    static String format(double value) {
        if (value >= 100) {
            return String.format("%,.0f", value);
        }
        return value >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
    }
}
