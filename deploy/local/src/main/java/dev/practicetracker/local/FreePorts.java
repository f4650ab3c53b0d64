package dev.practicetracker.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a stack started beside others (the tests' and the bench's stacks), chosen below the
 * kernel's ephemeral range. A port the kernel hands out ({@code new ServerSocket(0)}) comes from that
 * range, which is also where every outgoing connection's local port comes from: between choosing a
 * stack's ports and its last part listening, the services and the broker open dozens of connections,
 * and one of them can take a chosen port (seen as Kafka's "Address already in use" at start).
 */
public final class FreePorts {

    /** Linux's default ephemeral range starts here; the real one is read where the kernel says. */
    private static final int DEFAULT_EPHEMERAL_START = 32768;
    /** The lowest port handed out: above the well-known and most registered services' ports. */
    static final int LOWEST = 20000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    /** Ports this JVM handed out already: one stack's ports are chosen before any of them listens. */
    private static final Set<Integer> TAKEN = new HashSet<>();

    private FreePorts() {
    }

    /** A port nothing listens on, below the ephemeral range, not handed out before by this JVM. */
    public static synchronized int take() {
        int end = ephemeralStart();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
            if (!TAKEN.contains(port) && isFree(port)) {
                TAKEN.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + end);
    }

    /** The first port of the kernel's ephemeral range (the range outgoing connections' local ports come from). */
    static int ephemeralStart() {
        try {
            // (readString reads /proc's files short: they report no size)
            String[] range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            return Math.max(LOWEST + 1, Integer.parseInt(range[0]));
        } catch (IOException | RuntimeException unreadable) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    static boolean isFree(int port) {
        // on every address: the stack's parts listen on loopback, and a wildcard listener there would clash too
        try (ServerSocket probe = new ServerSocket(port)) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
