package dev.practicetracker.platform.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Collects every rule a request breaks — Bean Validation's and a service's own — so one 400 names
 * them all, each by the client's JSON path ({@code levels[0].milestones[1].id}).
 */
public final class Violations {

    public static final Comparator<Violation> BY_FIELD = Comparator.comparing(Violation::field);

    private static final Map<Class<?>, String> TYPE_DESCRIPTIONS = Map.ofEntries(
            Map.entry(Integer.class, "an integer"), Map.entry(int.class, "an integer"),
            Map.entry(Long.class, "an integer"), Map.entry(long.class, "an integer"),
            Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"),
            Map.entry(String.class, "a string"),
            Map.entry(UUID.class, "a UUID"),
            Map.entry(Instant.class, "an ISO-8601 instant with offset, e.g. 2026-11-21T18:30:00Z"),
            Map.entry(LocalDate.class, "a date, YYYY-MM-DD"));

    private final List<Violation> found = new ArrayList<>();

    public Violations addAll(Set<? extends ConstraintViolation<?>> violations) {
        violations.forEach(violation -> found.add(of(violation)));
        return this;
    }

    public Violations add(String field, String message) {
        found.add(new Violation(field, message));
        return this;
    }

    /** @throws ProblemException 400 listing every violation, if there is any */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw ProblemException.invalid(found.stream().sorted(BY_FIELD).toList());
        }
    }

    public static Violation of(ConstraintViolation<?> violation) {
        return new Violation(fieldOf(violation), violation.getMessage());
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
    /** A JSON body that could not be read: where, and what was expected there. */
    public static Violation of(JsonProcessingException exception) {
        if (exception instanceof StreamReadException) {
            var location = exception.getLocation();
            String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return new Violation("body", "is not valid JSON" + where);
        }
        String field = exception instanceof JsonMappingException mapping ? pathOf(mapping.getPath()) : "body";
        if (exception instanceof UnrecognizedPropertyException) {
            return new Violation(field, "is not accepted here");
        }
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
}
