package dev.practicetracker.platform.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Work a replica does on a timer, one run at a time: a run still going when the next is due is not
 * overlapped, the next tick tries again.
 */
public final class PeriodicCheck<T> {

    private final Vertx vertx;
    private final Duration interval;
    private final Supplier<Uni<T>> work;
    private final Consumer<T> done;
    private final Consumer<Throwable> failed;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public PeriodicCheck(Vertx vertx, Duration interval, Supplier<Uni<T>> work, Consumer<T> done, Consumer<Throwable> failed) {
        this.vertx = vertx;
        this.interval = interval;
        this.work = work;
        this.done = done;
        this.failed = failed;
    }

    public void start() {
        timer = vertx.setPeriodic(interval.toMillis(), id -> run());
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void run() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        work.get().subscribe().with(result -> {
            running.set(false);
            done.accept(result);
        }, failure -> {
            running.set(false);
            failed.accept(failure);
        });
    }
}
