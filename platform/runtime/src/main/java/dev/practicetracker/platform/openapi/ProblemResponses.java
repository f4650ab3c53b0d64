package dev.practicetracker.platform.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import dev.practicetracker.platform.idempotency.IdempotentCreates;
import dev.practicetracker.platform.problem.Problem;
import dev.practicetracker.platform.ratelimit.OperationClass;
import dev.practicetracker.platform.ratelimit.RateLimitFilter;

/**
 * Every error a service can answer, in its OpenAPI document, as the RFC 9457 problem it is. The
 * platform answers the same errors the same way everywhere (ProblemMappers), so they are derived
 * here from each operation's shape rather than written on every method: a bearer token (401, 403;
 * what {@code /public} serves needs none, and declares an empty security requirement),
 * a path parameter (404), a body or query parameters (400 with its violations), a body (413, 415),
 * {@code If-Match} (412), {@code Idempotency-Key} (409, 422), an unexpected error (500), a dependency
 * that may be down (503), and a rate-limited {@link OperationClass} (429, with the quota's headers on
 * its other answers).
 * An error response an operation declares itself keeps its description and gains the problem schema.
 */
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(VIOLATION, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("one invalid field: its name as the client sent it, and what is wrong with it")
                .addProperty("row", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("the row of an import the field is in"))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .required(List.of("field", "message")));
        components.addSchema(PROBLEM, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("an RFC 9457 problem; violations only on validation errors")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri-reference")
                        .examples(List.of(Problem.VALIDATION)))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref(VIOLATION)))
                .required(List.of("type", "title", "status")));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    addProblems(path, operation);
                    OperationClass.of(method.name(), path).ifPresent(limited -> addRateLimit(limited, operation.getResponses()));
                }));
    }

    /** A limited operation's 429, with when to retry, and the quota's headers on each of its answers that passed. */
    private static void addRateLimit(OperationClass limited, APIResponses responses) {
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeader(RateLimitFilter.LIMIT, header("requests of this class (" + limited.description + ") the quota allows per period"))
                        .addHeader(RateLimitFilter.REMAINING, header("requests left in the quota now"))
                        .addHeader(RateLimitFilter.RESET, header("seconds until the quota is whole again"));
            }
        });
        add(responses, "429", "over the caller's quota of " + limited.description + (limited.perClientAddress() ? " (per client address)" : "")
                + "; retry after Retry-After seconds");
        responses.getAPIResponse("429").addHeader(RateLimitFilter.RETRY_AFTER, header("seconds to wait before trying again"));
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).minimum(BigDecimal.ZERO));
    }

    private static void addProblems(String path, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (isPublic(path)) {
            // served without a token: it says so (an empty requirement), and answers no 401 or 403
            operation.setSecurity(new ArrayList<>());
        } else {
            add(responses, "401", "no valid bearer token");
            add(responses, "403", "the token does not grant access to this operation");
        }
        if (path.contains("{")) {
            add(responses, "404", "not found, or not the caller's");
        }
        if (body || parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY)) {
            add(responses, "400", "invalid request: each violation names a field and what is wrong with it");
        }
        if (body) {
            add(responses, "413", "the body is larger than this operation takes");
            add(responses, "415", "the body is not of a media type this operation takes");
        }
        if (hasHeader(parameters, "If-Match")) {
            add(responses, "412", "If-Match names a version other than the current one");
        }
        if (hasHeader(parameters, IdempotentCreates.HEADER)) {
            add(responses, "409", "a request with this Idempotency-Key is still being processed");
            add(responses, "422", "this Idempotency-Key was used with another request body");
        }
        add(responses, "500", "an unexpected error; the detail names the incident to report");
        add(responses, "503", "a dependency (the database, another service) is unavailable; try again");
        // an error the operation declares itself (a 409 of its own) is a problem as well
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                add(responses, status, response.getDescription());
            }
        });
    }

    /** What {@code /public} serves, to anyone: API.md's only operations without a token. */
    static boolean isPublic(String path) {
        return path.startsWith("/public/");
    }

    private static boolean hasHeader(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(parameter.getName()));
    }

    /** Adds the response, or gives one the operation declares the problem schema (keeping its description). */
    private static void add(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, response);
        }
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
        }
    }

}
