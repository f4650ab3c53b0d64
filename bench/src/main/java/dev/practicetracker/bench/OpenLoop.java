package dev.practicetracker.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicInteger;

import dev.practicetracker.local.Service;
import io.vertx.core.http.HttpMethod;

/**
 * Log writes sent on schedule at a fixed rate, whatever the answers (open loop), write {@code i} to
 * skill {@code i % skills}: the load of the freshness scenarios.
 */
final class OpenLoop {

    /** What became of each write. */
    interface Answers {

        void acknowledged(int write, int skill, long atNanos);

        void failed(int write);
    }

    private OpenLoop() {
    }

    /** Starts sending {@code total} writes at {@code perSecond}; @return the timer, to cancel once done */
    static long start(BenchContext bench, WriteThroughput.Writers writers, int perSecond, int total, Answers answers) {
        int skills = writers.skills().size();
        AtomicInteger sent = new AtomicInteger();
        long period = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        return bench.vertx.setPeriodic(1, id -> {
            long due = (System.nanoTime() - start) / period + 1;
            while (sent.get() < Math.min(due, total)) {
                int write = sent.getAndIncrement();
                int skill = write % skills;
                bench.request(HttpMethod.POST, Service.PRACTICE_LOG, "/practice-logs", writers.users().get(skill))
                        .sendJsonObject(WriteThroughput.log(writers.skills().get(skill))).onComplete(result -> {
                            if (result.failed() || result.result().statusCode() != 201) {
                                answers.failed(write);
                            } else {
                                answers.acknowledged(write, skill, System.nanoTime());
                            }
                        });
            }
        });
    }

    /** Each writer's skill's logs so far, the session count its progress reaches before the load. */
    static int[] logsPerSkill(BenchContext bench, WriteThroughput.Writers writers) throws Exception {
        int[] counts = new int[writers.skills().size()];
        try (Connection database = bench.database("practice_logs");
                PreparedStatement count = database.prepareStatement("select count(*) from practice_logs where skill_id = ?")) {
            for (int i = 0; i < counts.length; i++) {
                count.setObject(1, writers.skills().get(i));
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    counts[i] = result.getInt(1);
                }
            }
        }
        return counts;
    }
}
