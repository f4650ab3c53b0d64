package dev.practicetracker.platform.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.vertx.sqlclient.ClosedConnectionException;

/** Tells a dependency being down (retry later) from a failure retrying cannot fix. */
public final class Unavailability {

    private Unavailability() {
    }

    public static boolean isCauseOf(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedConnectionException
                    || cause instanceof TimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
