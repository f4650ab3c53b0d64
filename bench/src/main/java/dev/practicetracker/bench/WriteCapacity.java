package dev.practicetracker.bench;

/**
 * The write rate the scenarios relative to capacity (P2, P8) take their load from: what
 * {@value #CLIENTS} closed-loop clients reach with {@code POST /practice-logs} (P1's middle level),
 * measured on a quiet stack in the same run.
 */
final class WriteCapacity {

    static final int CLIENTS = 32;

    private WriteCapacity() {
    }

    static double measure(BenchContext bench, WriteThroughput.Writers writers) throws Exception {
        bench.quiesce();
        HttpLoad.Outcome capacity = WriteThroughput.writes(bench, writers, CLIENTS);
        System.out.printf("[bench] write capacity: %.0f writes/s at %d clients (p99 %.1f ms, %d errors)%n", capacity.perSecond(), CLIENTS,
                capacity.p99Millis(), capacity.errors());
        return capacity.perSecond();
    }

    /** A share of the capacity as a whole rate, at least one write a second. */
    static int share(double capacity, double share) {
        return (int) Math.max(1, Math.round(capacity * share));
    }
}
