package dev.practicetracker.testing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Gives the service under test a span exporter that keeps every finished span in memory (Quarkus
 * exports to every {@code SpanExporter} bean), so a test can read the traces a request produced.
 */
@ApplicationScoped
public class TestSpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }

    /** A W3C {@code traceparent} of a sampled caller span, as a gateway would send it: 00-trace-span-01. */
    public static String callerTraceParent(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    public static String newTraceId() {
        return IdGenerator.random().generateTraceId();
    }

    public static String newSpanId() {
        return IdGenerator.random().generateSpanId();
    }

    /** The finished spans of one trace, in the order they ended. */
    public static List<SpanData> ofTrace(InMemorySpanExporter exporter, String traceId) {
        return exporter.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }
}
