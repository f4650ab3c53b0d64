package dev.practicetracker.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Service processes handled as a group: started to record their start-up caches, awaited ready, stopped. */
final class ServiceGroups {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private ServiceGroups() {
    }

    /**
     * Records the start-up caches these services lack, listing the recording processes in
     * {@code running} meanwhile (so that closing the stack stops them). A recording JVM that exits
     * before it is ready (a JDK that cannot record one: no base CDS archive, {@code -Xshare:off}) does
     * not stop the stack: the service then starts without a cache, and is not asked again.
     */
    static void recordStartupCaches(StackSettings settings, Path publicKey, List<Service> which, List<ServiceProcess> running)
            throws Exception {
        List<ServiceProcess> recording = new ArrayList<>();
        for (Service service : which) {
            ServiceProcess.startRecording(service, settings, publicKey).ifPresent(recording::add);
        }
        if (recording.isEmpty()) {
            return;
        }
        running.addAll(recording);
        LocalStack.say("recording the start-up caches of " + recording.stream().map(process -> process.service().module).toList()
                + " (" + recording.get(0).runtime() + "; once per build and JDK): each starts, stops once ready, and writes what it loaded");
        try {
            awaitReady(settings, recording, false);
        } finally {
            stopAll(recording);
            running.removeAll(recording);
        }
    }

    /** Waits until these are ready; one that exits first fails the wait if {@code exitFails}, else is waited for no longer. */
    static void awaitReady(StackSettings settings, List<ServiceProcess> starting, boolean exitFails) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        List<ServiceProcess> waiting = new ArrayList<>(starting);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    if (exitFails) {
                        throw new IllegalStateException(service.service().module + " exited; see " + service.log());
                    }
                    waiting.remove(service);
                } else if (service.isReady()) {
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready in " + READY_TIMEOUT.toSeconds() + " s: "
                        + waiting.stream().map(s -> s.service().module).toList() + "; see " + settings.logs());
            }
            if (!waiting.isEmpty()) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    /** Side by side: a service writing its start-up cache takes seconds to exit. */
    static void stopAll(List<ServiceProcess> processes) {
        List<Thread> stopping = processes.stream().map(process -> new Thread(process::stop, "stop " + process.service().module))
                .toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
