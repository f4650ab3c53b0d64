package dev.practicetracker.practicelog.mapping;

/**
 * Ended sessions by outcome; {@code completion_rate} = completed ÷ total and {@code average_minutes}
 * the mean practised minutes (both 0 when there are none), rounded to three and one decimals.
 */
public record SessionStats(long total, long completed, long partial, long abandoned, double completionRate, double averageMinutes) {

    public static SessionStats of(long completed, long partial, long abandoned, double averageMinutes) {
        long total = completed + partial + abandoned;
        double rate = total == 0 ? 0 : Math.round(1000.0 * completed / total) / 1000.0;
        return new SessionStats(total, completed, partial, abandoned, rate, Math.round(10 * averageMinutes) / 10.0);
    }
}
