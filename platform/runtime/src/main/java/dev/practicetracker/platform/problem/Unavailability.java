package dev.practicetracker.platform.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a dependency being down or busy (retry later: nothing is wrong with the request or the
 * record) from a failure that retrying cannot fix.
 */
public final class Unavailability {

    private Unavailability() {
    }

    public static boolean isCauseOf(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (isTransient(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    private static boolean isTransient(Throwable cause) {
        if (cause instanceof ConnectException || cause instanceof ClosedConnectionException
                || cause instanceof TimeoutException) {
            return true;
        }
        if (cause instanceof PgException pg && pg.getSqlState() != null) {
            return isTransientSqlState(pg.getSqlState());
        }
        // the pool's own failures while the database restarts or the service stops
        return cause instanceof NoStackTraceThrowable && cause.getMessage() != null
                && cause.getMessage().toLowerCase().contains("closed");
    }

    /** Connection trouble, server shutting down or overloaded, or a lost race the server asks to retry. */
    private static boolean isTransientSqlState(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57P")
                || sqlState.equals("40001") || sqlState.equals("40P01");
    }
}
