package dev.practicetracker.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What a Kubernetes Service is to a Deployment, for the stack's replicas of one service: one port,
 * each request passed to the next replica (round robin) among those whose readiness probe answered
 * 200 at its last check. A replica that reports not ready (starting, shutting down, its database
 * gone) gets no new requests; one already sent finishes where it is. Each replica is probed on its
 * own every {@link #PROBE_PERIOD}, as the kubelet probes a pod: ready from its first probe that
 * answers 200, not ready after {@link #FAILURE_THRESHOLD} in a row that do not (a probe unanswered
 * within {@link #PROBE_TIMEOUT} fails). A replica shutting down answers 503 at once and is out within
 * ~0.3 s, well inside its shutdown delay; one merely slow (a start beside it, a collection, a
 * blocked event loop) must leave three probes unanswered, ~6 s, before it is taken out.
 */
public final class ServiceBalancer implements AutoCloseable {

    static final Duration PROBE_PERIOD = Duration.ofMillis(100);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    static final int FAILURE_THRESHOLD = 3;
    /** Headers of one connection (RFC 9110 §7.6.1) or set by the HTTP client itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "te", "trailer", "proxy-connection");

    private final Service service;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService prober;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ServiceProcess> replicas = new CopyOnWriteArrayList<>();
    /** Failed probes in a row of each replica that has answered one with 200. */
    private final Map<ServiceProcess, Integer> failedProbes = new ConcurrentHashMap<>();
    private final Map<ServiceProcess, ScheduledFuture<?>> probes = new ConcurrentHashMap<>();
    private volatile List<ServiceProcess> ready = List.of();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong failures = new AtomicLong();

    private ServiceBalancer(Service service, HttpServer server, ExecutorService handlers, ScheduledExecutorService prober) {
        this.service = service;
        this.server = server;
        this.handlers = handlers;
        this.prober = prober;
    }

    static ServiceBalancer start(Service service, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        ExecutorService handlers = Executors.newCachedThreadPool(daemon(service.module + "-balancer"));
        ScheduledExecutorService prober = Executors.newScheduledThreadPool(4, daemon(service.module + "-probe"));
        ServiceBalancer balancer = new ServiceBalancer(service, server, handlers, prober);
        server.createContext("/", balancer::forward);
        server.setExecutor(handlers);
        server.start();
        return balancer;
    }

    /** From its first readiness probe that answers 200 on, the replica gets requests while it is ready. */
    void add(ServiceProcess replica) {
        replicas.add(replica);
        probes.put(replica, prober.scheduleWithFixedDelay(() -> probe(replica), 0, PROBE_PERIOD.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The replica gets no more requests (it has stopped or is about to). */
    void remove(ServiceProcess replica) {
        replicas.remove(replica);
        ScheduledFuture<?> probe = probes.remove(replica);
        if (probe != null) {
            probe.cancel(false);
        }
        failedProbes.remove(replica);
        updateReady();
    }

    /** The replicas that answered their last readiness probe with 200. */
    public List<ServiceProcess> ready() {
        return ready;
    }

    /**
     * Requests the balancer could not pass on or answer: no replica ready (503), or the chosen replica
     * dropped the connection (502). A Kubernetes Service shows its clients the same.
     */
    public long failures() {
        return failures.get();
    }

    private void probe(ServiceProcess replica) {
        boolean answered = replica.isReady(PROBE_TIMEOUT);
        if (!replicas.contains(replica)) {
            return;
        }
        if (answered) {
            failedProbes.put(replica, 0);
        } else {
            failedProbes.computeIfPresent(replica, (process, failed) -> failed + 1);
        }
        updateReady();
    }

    private synchronized void updateReady() {
        ready = replicas.stream().filter(replica -> failedProbes.getOrDefault(replica, FAILURE_THRESHOLD) < FAILURE_THRESHOLD).toList();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<ServiceProcess> candidates = ready;
            if (candidates.isEmpty()) {
                failures.incrementAndGet();
                answer(exchange, 503, service.module + " has no ready replica");
                return;
            }
            ServiceProcess replica = candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
            HttpResponse<byte[]> response;
            try {
                response = client.send(request(exchange, replica), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException dropped) {
                failures.incrementAndGet();
                answer(exchange, 502, replica.url() + " dropped the request: " + dropped);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer(exchange, 503, "the balancer is stopping");
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
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
    }

    private static HttpRequest request(HttpExchange exchange, ServiceProcess replica) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.url() + exchange.getRequestURI()))
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

    private static void answer(HttpExchange exchange, int status, String detail) throws IOException {
        byte[] body = ("{\"status\":" + status + ",\"title\":\"" + (status == 502 ? "Bad Gateway" : "Service Unavailable")
                + "\",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        prober.shutdownNow();
        server.stop(0);
        handlers.shutdownNow();
    }
}
