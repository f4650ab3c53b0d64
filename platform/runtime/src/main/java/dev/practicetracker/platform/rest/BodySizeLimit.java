package dev.practicetracker.platform.rest;

import java.lang.reflect.Method;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.practicetracker.platform.problem.Problem;

/**
 * API.md's body limits: 1 MiB, 10 MiB where {@link LargeBody} says so; over it, a 413 problem
 * before anything is read. (The HTTP layer's own limit sits just above 10 MiB as a backstop.)
 */
public class BodySizeLimit {

    static final long DEFAULT_MAX_BYTES = 1024L * 1024;

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, ResourceInfo resource) {
        long length = request.getLength();
        Method method = resource.getResourceMethod();
        long max = method != null && method.isAnnotationPresent(LargeBody.class) ? LargeBody.MAX_BYTES : DEFAULT_MAX_BYTES;
        if (length > max) {
            return Optional.of(Response.status(413).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(413, "Content Too Large", "the request body is over " + (max / 1024 / 1024) + " MiB"))
                    .build());
        }
        return Optional.empty();
    }
}
