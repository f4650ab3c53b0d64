package dev.practicetracker.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * P10: how many due reminders progress-service's scheduler decides and sends per second, for
 * {@link #USERS} users whose reminders come due at once, each with a skill never practised: the
 * claim of a batch ({@code for update skip locked}), each user's skills read, the reminder recorded
 * and its {@code reminder.due.v1} appended to the outbox, the next one moved on, a transaction per
 * batch. Counted from the first committed batch to the last, as {@code reminders_sent} shows them.
 * The limit: pgbench's insert + outbox on one connection, the scheduler's one transaction at a time.
 */
final class DueReminders {

    static final int USERS = 10_000;
    private static final String USER = "md5('bench-reminder-' || i)::uuid";
    private static final String BENCH_USERS = "select " + USER + " from generate_series(1, " + USERS + ") i";

    private DueReminders() {
    }

    static List<Result> run(BenchContext bench) throws Exception {
        System.out.printf("[bench] P10: %,d users' reminders due at once%n", USERS);
        try (Connection progress = bench.database("progress")) {
            progress.createStatement().execute("insert into skills (id, user_id, name, version) select md5('bench-reminder-skill-' || i)::uuid, "
                    + USER + ", 'Reminder ' || i, 1 from generate_series(1, " + USERS + ") i");
            // due only once every row is in: a scheduler's check that came first would find some of them only
            progress.createStatement().execute("insert into progress_settings (user_id, zone, reminders_enabled, reminder_after_days,"
                    + " reminder_local_time, reminder_next_at, version, updated_at) select " + USER + ", 'UTC', true, 1, '00:00',"
                    + " 'infinity', 1, now() from generate_series(1, " + USERS + ") i");
            progress.createStatement().execute("update progress_settings set reminder_next_at = now() where user_id in (" + BENCH_USERS + ")");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            long firstAt = 0;
            long first = 0;
            long sent;
            try (PreparedStatement count = progress.prepareStatement("select count(*) from reminders_sent where user_id in (" + BENCH_USERS + ")")) {
                while ((sent = count(count)) < USERS) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the scheduler sent " + sent + " of " + USERS + " due reminders in 5 minutes");
                    }
                    if (firstAt == 0 && sent > 0) {
                        firstAt = System.nanoTime();
                        first = sent;
                    }
                    TimeUnit.MILLISECONDS.sleep(10);
                }
            }
            long lastAt = System.nanoTime();
            if (firstAt == 0 || lastAt == firstAt) {
                throw new IllegalStateException("every reminder was sent between two looks: too few users to time");
            }
            double perSecond = (USERS - first) / ((lastAt - firstAt) / 1e9);
            PgBench.Outcome limit = PgBench.run(bench.postgresPort(), "limits", bench.root.resolve("bench/sql/insert_with_outbox.sql"), 1,
                    (int) bench.measure.toSeconds(), bench.work);
            System.out.printf("P10: %,.0f reminders/s (%,d users due at once); pgbench insert + outbox, 1 client: %,.0f tps%n", perSecond,
                    USERS, limit.tps());
            return List.of(Result.throughput("P10", "due reminders decided and sent by one progress replica's scheduler ("
                    + String.format("%,d", USERS) + " users due at once)", perSecond, "reminders/s", "pgbench insert + outbox, 1 client",
                    limit.tps(), MINIMUM_RATIO));
        }
    }

    /** The scheduler batches its reminders ({@code reminders.batch}, 200 a transaction): it does at least as well as one insert a commit. */
    static final double MINIMUM_RATIO = 1.0;

    private static long count(PreparedStatement count) throws Exception {
        try (ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
