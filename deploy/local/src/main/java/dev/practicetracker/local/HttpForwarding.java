package dev.practicetracker.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ThreadFactory;

import com.sun.net.httpserver.HttpExchange;

/**
 * Passing one request received by the JDK's HTTP server on to an upstream and its answer back, as a
 * reverse proxy does: method, path, query, body and end-to-end headers, none of one connection's,
 * and a {@code Location} that names the upstream rewritten to name the proxy.
 * The stack's {@link ServiceBalancer}s and its {@link EntryPoint} are such proxies.
 */
final class HttpForwarding {

    /** Headers of one connection (RFC 9110 §7.6.1) or set by the HTTP client itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "te", "trailer", "proxy-connection");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Sends the exchange's request to {@code upstream} (scheme, host and port) and answers the
     * exchange with its response.
     *
     * @throws IOException the upstream dropped the request or could not be reached; the exchange is
     *         not answered yet
     */
    void forward(HttpExchange exchange, String upstream) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request(exchange, upstream), HttpResponse.BodyHandlers.ofByteArray());
        String origin = "http://" + exchange.getRequestHeaders().getFirst("Host");
        response.headers().map().forEach((name, values) -> {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (lowerCase.equals("location")) {
                exchange.getResponseHeaders().put(name, values.stream().map(value -> addressedTo(value, upstream, origin)).toList());
            } else if (!NOT_FORWARDED.contains(lowerCase) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * A {@code Location} the upstream made from its own address, made from the one the client
     * addressed instead (what nginx's {@code proxy_redirect default} does): the client follows it
     * back through the proxy.
     */
    static String addressedTo(String location, String upstream, String origin) {
        return location.startsWith(upstream + "/") ? origin + location.substring(upstream.length()) : location;
    }

    /** Fetches a document from an upstream, for a proxy that answers some paths itself. */
    String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static HttpRequest request(HttpExchange exchange, String upstream) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    /** Answers with a problem of the proxy's own (no upstream to pass it to, or none that answered). */
    static void answer(HttpExchange exchange, int status, String title, String detail) throws IOException {
        byte[] body = ("{\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
        answer(exchange, status, "application/problem+json", body);
    }

    static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
