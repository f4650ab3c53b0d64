package dev.practicetracker.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client of the services, as a gateway calls them; safe for concurrent use. */
final class Client {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer, or status -1 when the service could not be reached at all. */
    record Response(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        boolean isServerError() {
            return status >= 500;
        }
    }

    private Client() {
    }

    /** A JSON text read as a tree, e.g. an event's data. */
    static JsonNode json(String text) {
        return new Response(200, "application/json", text).json();
    }

    static Response get(String url, String token) {
        return send("GET", url, token, null, Map.of());
    }

    static Response post(String url, String token, Object body) {
        return send("POST", url, token, body, Map.of());
    }

    static Response patch(String url, String token, Object body) {
        return send("PATCH", url, token, body, Map.of("Content-Type", "application/merge-patch+json"));
    }

    static Response delete(String url, String token) {
        return send("DELETE", url, token, null, Map.of());
    }

    static Response send(String method, String url, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::setHeader);
            String json = body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            return new Response(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "", e.toString());
        }
    }
}
