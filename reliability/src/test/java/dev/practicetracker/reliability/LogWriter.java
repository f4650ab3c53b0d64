package dev.practicetracker.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.practicetracker.local.Service;
import dev.practicetracker.reliability.Client.Response;

/**
 * A learner's client writing practice logs one after another until stopped, through the services'
 * ports, optionally reading after each write as an app does (its logs, its progress, the skill, its
 * evidence), at most one round per {@code pace} (zero: as fast as the answers come). Keeps the ids
 * the service acknowledged and every answer that was not a success.
 */
final class LogWriter implements Runnable {

    final Practice.Learner learner;
    /** Ids of the logs answered 201. */
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final AtomicLong requests = new AtomicLong();
    /** Answers other than 2xx (a write is then tried again after a pause, never counted as written). */
    final AtomicLong failed = new AtomicLong();
    /** The first of those answers: the request, its status and its body. */
    final List<String> failures = new CopyOnWriteArrayList<>();
    private static final int KEPT_FAILURES = 20;
    private final Practice practice;
    private final boolean alsoReads;
    private final Duration pace;
    private final AtomicBoolean stopped = new AtomicBoolean();

    LogWriter(Practice practice, Practice.Learner learner, boolean alsoReads, Duration pace) {
        this.practice = practice;
        this.learner = learner;
        this.alsoReads = alsoReads;
        this.pace = pace;
    }

    @Override
    public void run() {
        int i = 0;
        while (!stopped.get()) {
            long roundEnds = System.nanoTime() + pace.toNanos();
            Response written = practice.postLog(learner.token(), learner.skill(), 1 + i++ % 90);
            if (succeeded("POST /practice-logs", written)) {
                acknowledged.add(written.json().path("id").asText());
            } else {
                pause();
                continue;
            }
            if (alsoReads) {
                for (String read : List.of(practice.url(Service.PRACTICE_LOG, "/practice-logs?limit=20"),
                        practice.url(Service.PROGRESS, "/progress/skills/" + learner.skill()),
                        practice.url(Service.SKILLS, "/skills/" + learner.skill()),
                        practice.url(Service.EVIDENCE, "/evidence"))) {
                    succeeded("GET " + read, Client.get(read, learner.token()));
                }
            }
            LockSupport.parkNanos(roundEnds - System.nanoTime());
        }
    }

    /** Acknowledged logs that the log database does not hold. */
    long lost() {
        Set<String> stored = practice.ids(Service.PRACTICE_LOG, "select id::text from practice_logs where skill_id = ?::uuid",
                learner.skill());
        return acknowledged.stream().filter(id -> !stored.contains(id)).count();
    }

    void stop() {
        stopped.set(true);
    }

    private boolean succeeded(String request, Response response) {
        requests.incrementAndGet();
        if (response.status() >= 200 && response.status() < 300) {
            return true;
        }
        if (failed.incrementAndGet() <= KEPT_FAILURES) {
            failures.add(Instant.now() + " " + request + " -> " + response.status() + " " + response.contentType() + " " + response.body());
        }
        return false;
    }

    /** A client pacing its retries while a service is away, as a 503 asks; not a synchronisation. */
    static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
