package dev.practicetracker.platform.client;

import jakarta.ws.rs.WebApplicationException;

import dev.practicetracker.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Reading through to the service that owns a resource, on the caller's behalf, when it is too new
 * for this service's projection: its 404 means "not the caller's" (null); any other failure means
 * it cannot be confirmed now (503), never a false 404.
 */
public final class OwningService {

    private OwningService() {
    }

    public static <T> Uni<T> ask(String what, Uni<T> call) {
        return call.onFailure(WebApplicationException.class).recoverWithUni(failure -> {
            if (((WebApplicationException) failure).getResponse().getStatus() == 404) {
                return Uni.createFrom().nullItem();
            }
            return unavailable(what, failure);
        }).onFailure(failure -> !(failure instanceof ProblemException)).recoverWithUni(failure -> unavailable(what, failure));
    }

    private static <T> Uni<T> unavailable(String what, Throwable failure) {
        Log.warnf("could not confirm a %s with its owning service: %s", what, failure.toString());
        return Uni.createFrom().failure(ProblemException.unavailable("cannot confirm the " + what + " right now; retry shortly"));
    }
}
