package dev.practicetracker.platform.observability;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * Carries a write's trace across the outbox and Kafka (W3C Trace Context): the outbox row keeps
 * the {@code traceparent} of the request that wrote it, the relay publishes the record in a
 * PRODUCER span of that trace and puts the span's {@code traceparent} in the record's headers, and
 * a consumer processes the record in a CONSUMER span whose parent is that header. So one trace runs
 * from {@code POST /practice-logs} through the relay to the progress consumer, although the relay
 * publishes after the request has answered.
 */
@ApplicationScoped
public class EventTracing {

    public static final String TRACEPARENT = "traceparent";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The {@code traceparent} of the span current where an event is written, or null outside any trace. */
    public static String currentTraceParent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts the span of publishing one outbox row and writes its context into the record's headers;
     * the caller ends it when the broker has acknowledged (or refused) the record. Rows written
     * outside any trace are published untraced: null.
     */
    public Span startPublish(String traceParent, String topic, String eventType, Headers headers) {
        if (traceParent == null) {
            return null;
        }
        Span span = tracer.spanBuilder(topic + " publish")
                .setParent(W3C.extract(Context.root(), Map.of(TRACEPARENT, traceParent), MAP_GETTER))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("cloudevents.event_type", eventType)
                .startSpan();
        headers.remove(TRACEPARENT);
        W3C.inject(Context.root().with(span), headers,
                (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /**
     * Starts the span of processing one consumed record, a child of the span that published it; null
     * for a record that carries no trace context.
     */
    public Span startProcess(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(TRACEPARENT);
        if (header == null || header.value() == null) {
            return null;
        }
        Context parent = W3C.extract(Context.root(),
                Map.of(TRACEPARENT, new String(header.value(), StandardCharsets.UTF_8)), MAP_GETTER);
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }
}
