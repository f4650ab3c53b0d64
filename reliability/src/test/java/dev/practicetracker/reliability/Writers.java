package dev.practicetracker.reliability;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Clients writing at once, each a {@link LogWriter} of a new learner on a thread of its own, until closed. */
final class Writers implements AutoCloseable {

    private final List<LogWriter> writers;
    private final ExecutorService pool;

    private Writers(List<LogWriter> writers) {
        this.writers = writers;
        this.pool = Executors.newFixedThreadPool(writers.size());
        writers.forEach(pool::submit);
    }

    static Writers start(Practice practice, int clients, boolean alsoReads, Duration pace) {
        List<LogWriter> writers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            writers.add(new LogWriter(practice, practice.newLearner(), alsoReads, pace));
        }
        return new Writers(writers);
    }

    List<LogWriter> all() {
        return writers;
    }

    long acknowledged() {
        return writers.stream().mapToLong(writer -> writer.acknowledged.size()).sum();
    }

    long requests() {
        return writers.stream().mapToLong(writer -> writer.requests.get()).sum();
    }

    long failed() {
        return writers.stream().mapToLong(writer -> writer.failed.get()).sum();
    }

    /** The first failed answers of each client: when, the request, its status, type and body. */
    List<String> failures() {
        return writers.stream().flatMap(writer -> writer.failures.stream()).toList();
    }

    /** Acknowledged logs that the log database does not hold. */
    long lost() {
        return writers.stream().mapToLong(LogWriter::lost).sum();
    }

    /** Waits until this many more writes than now have been acknowledged: the load is going on. */
    void awaitAcknowledged(int more) {
        long now = acknowledged();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> acknowledged() >= now + more);
    }

    /** Stops every client after its current round and waits until all have. */
    @Override
    public void close() throws InterruptedException {
        writers.forEach(LogWriter::stop);
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("writers still running a minute after being stopped");
        }
    }
}
