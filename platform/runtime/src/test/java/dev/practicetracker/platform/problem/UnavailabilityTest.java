package dev.practicetracker.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonParseException;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

class UnavailabilityTest {

    /** What a service sees while PostgreSQL or the broker stops, restarts or is overloaded (seen in the reliability suite). */
    static Stream<Throwable> dependencyDownOrBusy() {
        return Stream.of(
                new ConnectException("Connection refused"),
                // a pooled connection the stopped server had closed, read from
                new SocketException("Connection reset"),
                // … or written to
                new IOException("Broken pipe"),
                ClosedConnectionException.INSTANCE,
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED"),
                new TimeoutException(),
                pg("57P01", "terminating connection due to administrator command"),
                pg("57P03", "the database system is starting up"),
                pg("08006", "connection failure"),
                pg("53300", "too many connections"),
                pg("40001", "could not serialize access"),
                new CompletionException(new RuntimeException("wrapped", new SocketException("Connection reset"))));
    }

    /** Failures retrying cannot fix: the request or the record is at fault, or the code is. */
    static Stream<Throwable> notTransient() {
        return Stream.of(
                pg("23505", "duplicate key value violates unique constraint"),
                pg("22P02", "invalid input syntax for type uuid"),
                new JsonParseException(null, "Unexpected character"),
                new FileNotFoundException("no such file"),
                new IllegalArgumentException("bad"),
                new NoStackTraceThrowable("something else"),
                new CompletionException(new IllegalStateException("bug")));
    }

    @ParameterizedTest
    @MethodSource("dependencyDownOrBusy")
    void aDependencyDownOrBusyIsRetriedLater(Throwable failure) {
        assertThat(Unavailability.isCauseOf(failure)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("notTransient")
    void aFailureRetryingCannotFixIsNot(Throwable failure) {
        assertThat(Unavailability.isCauseOf(failure)).isFalse();
    }

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "FATAL", sqlState, null);
    }
}
