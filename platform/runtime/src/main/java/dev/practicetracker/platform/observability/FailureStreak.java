package dev.practicetracker.platform.observability;

import org.jboss.logging.Logger;

/**
 * How a loop that retries through an outage logs it: the first failure of a streak as a warning,
 * the ones after it at DEBUG, and the first success after them at INFO with their number. An outage
 * then reads as two lines, however long it lasts and however often the loop retries. Each call goes
 * to the owner's own log category. Meant for one loop, whose attempts do not overlap.
 */
public final class FailureStreak {

    private final Logger log;
    /** Attempts that failed since the last success. */
    private volatile int failures;

    public FailureStreak(Class<?> owner) {
        this.log = Logger.getLogger(owner);
    }

    /**
     * An attempt failed.
     *
     * @param warning what the first failure of a streak says (the failure follows it)
     * @param again what each later one says, at DEBUG
     */
    public void failed(String warning, String again, Throwable failure) {
        if (failures++ == 0) {
            log.warnf("%s: %s", warning, failure);
        } else {
            log.debugf("%s: %s", again, failure);
        }
    }

    /** An attempt succeeded; after failures, {@code recovered} is logged with their number. */
    public void succeeded(String recovered) {
        int failed = failures;
        if (failed > 0) {
            failures = 0;
            log.infof("%s, after %d failed attempts", recovered, failed);
        }
    }
}
