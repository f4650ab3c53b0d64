package dev.practicetracker.platform.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
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
import io.vertx.pgclient.PgException;

/**
 * Turns every failure into an RFC 9457 problem body. Nothing internal leaves: no stack trace, SQL,
 * class name or exception message that the service did not write for a client.
 */
public class ProblemMappers {

    private static final Map<Class<?>, String> TYPE_DESCRIPTIONS = Map.ofEntries(
            Map.entry(Integer.class, "an integer"), Map.entry(int.class, "an integer"),
            Map.entry(Long.class, "an integer"), Map.entry(long.class, "an integer"),
            Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"),
            Map.entry(String.class, "a string"),
            Map.entry(UUID.class, "a UUID"),
            Map.entry(Instant.class, "an ISO-8601 instant with offset, e.g. 2026-11-21T18:30:00Z"),
            Map.entry(LocalDate.class, "a date, YYYY-MM-DD"));

    @ServerExceptionMapper
    public Response problem(ProblemException exception) {
        return respond(exception.problem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception) {
        List<Violation> violations = exception.getConstraintViolations().stream()
                .map(violation -> new Violation(fieldOf(violation), violation.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(ProblemException.invalid(violations).problem());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException exception) {
        return respond(ProblemException.invalid(List.of(violationOf(exception))).problem());
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
        if (isUniqueViolation(throwable)) {
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

    private static boolean isUniqueViolation(Throwable throwable) {
        for (Throwable cause = throwable; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
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

    private static Violation violationOf(JsonProcessingException exception) {
        if (exception instanceof StreamReadException) {
            var location = exception.getLocation();
            String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return new Violation("body", "is not valid JSON" + where);
        }
        String field = exception instanceof JsonMappingException mapping ? pathOf(mapping.getPath()) : "body";
        if (exception instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            return new Violation(field, "must be one of: " + allowed);
        }
        if (exception instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new Violation(field, "must be " + describe(mismatched.getTargetType()));
        }
        return new Violation(field, "has the wrong type or shape");
    }

    private static String describe(Class<?> type) {
        String known = TYPE_DESCRIPTIONS.get(type);
        if (known != null) {
            return known;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The client's name for the field: the JSON path inside a body, or the query parameter's name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> segments = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            // an element's index belongs to the container named just before it: levels[0].title
            if (node.isInIterable() && node.getIndex() != null && !segments.isEmpty()) {
                int last = segments.size() - 1;
                segments.set(last, segments.get(last) + "[" + node.getIndex() + "]");
            }
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (kind == ElementKind.PROPERTY) {
                segments.add(snakeCase(node.getName()));
            }
        }
        if (!segments.isEmpty()) {
            return String.join(".", segments);
        }
        return parameter == null ? "body" : snakeCase(parameter);
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
