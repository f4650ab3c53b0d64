package dev.practicetracker.platform.ratelimit;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.practicetracker.platform.problem.Problem;
import dev.practicetracker.platform.ratelimit.TokenBuckets.Decision;
import io.vertx.core.http.HttpServerRequest;

/**
 * API.md's rate limits on every request of a limited {@link OperationClass}: over its quota a 429
 * problem with {@code Retry-After}; within it, the answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the quota is whole again).
 * A request without a token is not counted against a user: it gets its 401.
 */
public class RateLimitFilter {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Inject
    RateLimits limits;

    @Inject
    JsonWebToken token;

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        Optional<OperationClass> operations = OperationClass.of(request.getMethod(), request.getUriInfo().getPath());
        if (operations.isEmpty()) {
            return Optional.empty();
        }
        String caller = operations.get().perClientAddress() ? http.remoteAddress().hostAddress() : token.getSubject();
        if (caller == null) {
            return Optional.empty();
        }
        Optional<Decision> decision = limits.take(operations.get(), caller);
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        if (decision.get().allowed()) {
            request.setProperty(DECISION, decision.get());
            return Optional.empty();
        }
        Decision refused = decision.get();
        return Optional.of(Response.status(429).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.RATE_LIMITED, "Too Many Requests", 429, "more than " + refused.limit() + " "
                        + operations.get().description + " per " + refused.periodSeconds() + " s; retry after "
                        + refused.retryAfterSeconds() + " s", null))
                .header(RETRY_AFTER, refused.retryAfterSeconds())
                .header(LIMIT, refused.limit()).header(REMAINING, refused.remaining()).header(RESET, refused.resetSeconds())
                .build());
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision allowed) {
            response.getHeaders().putSingle(LIMIT, allowed.limit());
            response.getHeaders().putSingle(REMAINING, allowed.remaining());
            response.getHeaders().putSingle(RESET, allowed.resetSeconds());
        }
    }
}
