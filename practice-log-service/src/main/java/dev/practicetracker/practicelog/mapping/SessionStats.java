package dev.practicetracker.practicelog.mapping;

/** Ended sessions by outcome; {@code completion_rate} = completed ÷ total (0 when there are none). */
public record SessionStats(long total, long completed, long partial, long abandoned, double completionRate) {

    public static SessionStats of(long completed, long partial, long abandoned) {
        long total = completed + partial + abandoned;
        double rate = total == 0 ? 0 : Math.round(1000.0 * completed / total) / 1000.0;
        return new SessionStats(total, completed, partial, abandoned, rate);
    }
}
