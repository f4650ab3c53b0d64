package dev.practicetracker.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local stack's one origin, as the Kubernetes Ingress is the cluster's: every request passed by
 * its path's {@link Route} to the service that owns it (its port, or its balancer's with replicas),
 * and the merged OpenAPI document of the whole API ({@link OpenApiMerge}) at {@code /q/openapi},
 * built from the services' documents at each request. A path no route serves answers 404.
 *
 * <p>CORS: a routed request's answer is the service's, which applies {@code PT_CORS_ORIGINS} itself;
 * the entry point applies the same list to what it answers itself, the merged document.
 */
public final class EntryPoint implements AutoCloseable {

    static final String OPENAPI = "/q/openapi";

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Function<Service, String> upstream;
    private final Set<String> corsOrigins;
    private final HttpForwarding forwarding = new HttpForwarding();

    private EntryPoint(HttpServer server, ExecutorService handlers, Function<Service, String> upstream, Set<String> corsOrigins) {
        this.server = server;
        this.handlers = handlers;
        this.upstream = upstream;
        this.corsOrigins = corsOrigins;
    }

    /**
     * @param upstream the base URL each service is reached at
     * @param corsOrigins comma-separated origins browsers may call from, as {@code PT_CORS_ORIGINS}; blank for none
     */
    static EntryPoint start(int port, Function<Service, String> upstream, String corsOrigins) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        ExecutorService handlers = Executors.newCachedThreadPool(HttpForwarding.daemon("entry-point"));
        Set<String> origins = Arrays.stream(corsOrigins == null ? new String[0] : corsOrigins.split(","))
                .map(String::strip).filter(origin -> !origin.isEmpty()).collect(Collectors.toUnmodifiableSet());
        EntryPoint entryPoint = new EntryPoint(server, handlers, upstream, origins);
        server.createContext("/", entryPoint::handle);
        server.setExecutor(handlers);
        server.start();
        return entryPoint;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URI.create(exchange.getRequestURI().getRawPath()).normalize().getPath();
            if (path.equals(OPENAPI)) {
                answerMergedDocument(exchange);
                return;
            }
            Route route = Route.of(path).orElse(null);
            if (route == null) {
                HttpForwarding.answer(exchange, 404, "Not Found", "no route serves " + path);
                return;
            }
            try {
                forwarding.forward(exchange, upstream.apply(route.service));
            } catch (IOException unreachable) {
                HttpForwarding.answer(exchange, 502, "Bad Gateway", route.service.module + " did not answer");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                HttpForwarding.answer(exchange, 503, "Service Unavailable", "the entry point is stopping");
            }
        }
    }

    private void answerMergedDocument(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && corsOrigins.contains(origin)) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().set("Vary", "Origin");
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            HttpForwarding.answer(exchange, 405, "Method Not Allowed", OPENAPI + " answers GET");
            return;
        }
        List<String> documents = new ArrayList<>();
        try {
            for (Service service : Service.values()) {
                documents.add(forwarding.get(upstream.apply(service) + OPENAPI + "?format=json"));
            }
        } catch (IOException unreachable) {
            HttpForwarding.answer(exchange, 502, "Bad Gateway", "a service did not give its document: " + unreachable.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpForwarding.answer(exchange, 503, "Service Unavailable", "the entry point is stopping");
            return;
        }
        String merged;
        try {
            merged = OpenApiMerge.merge(documents);
        } catch (IllegalArgumentException conflict) {
            HttpForwarding.answer(exchange, 500, "Internal Server Error", "the services' documents do not merge: " + conflict.getMessage());
            return;
        }
        HttpForwarding.answer(exchange, 200, "application/json;charset=UTF-8", merged.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
