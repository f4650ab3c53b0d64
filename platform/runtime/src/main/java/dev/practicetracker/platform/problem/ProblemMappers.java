package dev.practicetracker.platform.problem;

import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into an RFC 9457 problem body. Nothing internal leaves: no stack trace, SQL,
 * class name or exception message that the service did not write for a client.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException exception) {
        return respond(exception.problem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception) {
        List<Violation> violations = exception.getConstraintViolations().stream()
                .map(Violations::of)
                .sorted(Violations.BY_FIELD)
                .toList();
        return respond(ProblemException.invalid(violations).problem());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException exception) {
        return respond(ProblemException.invalid(List.of(Violations.of(exception))).problem());
    }

    // Quarkus ships its own mappers for these subtypes; naming them here makes ours the most specific.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException exception) {
        return unreadableJson(exception);
    }

    @ServerExceptionMapper
    public Response invalidJsonValue(InvalidFormatException exception) {
        return unreadableJson(exception);
    }

    @ServerExceptionMapper
    public Response malformedJson(StreamReadException exception) {
        return unreadableJson(exception);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException exception) {
        return unreadableJson(exception);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException exception) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return respond(Problem.of(403, "Forbidden", "the token does not grant access to this API"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception) {
        if (exception.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = exception.getResponse().getStatus();
        if (status == 401) {
            return unauthorized();
        }
        if (status >= 500) {
            return unexpected(exception);
        }
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "Error" : statusType.getReasonPhrase();
        return respond(Problem.of(status, title, detailFor(status)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable throwable) {
        if (UniqueViolation.isCauseOf(throwable)) {
            // a concurrent request won the race the service's own check could not see
            return respond(ProblemException.conflict("conflicts with an existing resource").problem());
        }
        if (Unavailability.isCauseOf(throwable)) {
            Log.warnf("dependency unavailable: %s", throwable.toString());
            return respond(ProblemException.unavailable("a dependency of this service is unavailable; retry shortly").problem());
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(throwable, "unexpected failure, incident %s", incident);
        return respond(Problem.of(500, "Internal Server Error", "unexpected error; incident " + incident));
    }

    private static Response unauthorized() {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized", "a valid bearer token is required")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "no acceptable representation";
            case 413 -> "the request body is too large";
            case 415 -> "unsupported content type";
            default -> "the request cannot be processed";
        };
    }
}
