package dev.practicetracker.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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

    private final Service service;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService prober;
    private final HttpForwarding forwarding = new HttpForwarding();
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
        ExecutorService handlers = Executors.newCachedThreadPool(HttpForwarding.daemon(service.module + "-balancer"));
        ScheduledExecutorService prober = Executors.newScheduledThreadPool(4, HttpForwarding.daemon(service.module + "-probe"));
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
                HttpForwarding.answer(exchange, 503, "Service Unavailable", service.module + " has no ready replica");
                return;
            }
            ServiceProcess replica = candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
            try {
                forwarding.forward(exchange, replica.url());
            } catch (IOException dropped) {
                failures.incrementAndGet();
                HttpForwarding.answer(exchange, 502, "Bad Gateway", replica.url() + " dropped the request: " + dropped);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                HttpForwarding.answer(exchange, 503, "Service Unavailable", "the balancer is stopping");
            }
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
        server.stop(0);
        handlers.shutdownNow();
    }
}
