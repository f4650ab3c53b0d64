package dev.practicetracker.platform.problem;

import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
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
        if (cause instanceof ClosedConnectionException || cause instanceof TimeoutException || isConnectionLost(cause)) {
            return true;
        }
        if (cause instanceof PgException pg && pg.getSqlState() != null) {
            return isTransientSqlState(pg.getSqlState());
        }
        // the pool's own failures while the database restarts or the service stops
        return cause instanceof NoStackTraceThrowable && cause.getMessage() != null
                && cause.getMessage().toLowerCase().contains("closed");
    }

    /**
     * The connection itself failed: refused, reset, or broken (a pooled connection the server closed
     * when it stopped fails this way when next read or written). Only the socket's own exceptions:
     * another {@code IOException} is a parse error (Jackson's) or a file's.
     */
    private static boolean isConnectionLost(Throwable cause) {
        return cause instanceof SocketException || cause instanceof ClosedChannelException || cause.getClass() == IOException.class
                // the native transport's (epoll's) form of the same
                || cause instanceof IOException && cause.getClass().getName().startsWith("io.netty.");
    }

    /** Connection trouble, server shutting down or overloaded, or a lost race the server asks to retry. */
    private static boolean isTransientSqlState(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57P")
                || sqlState.equals("40001") || sqlState.equals("40P01");
    }
}
