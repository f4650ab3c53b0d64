package dev.practicetracker.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Holds the AsyncAPI document to the code that produces and reads the events: its channels are
 * the topics, its messages are the catalogued event types of each topic, its payload schemas have
 * exactly the fields (names, types, formats) of the data records, and its headers are the
 * envelope's. A field added to a record without the document, or the other way round, fails here.
 */
class AsyncApiDocumentTest {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream yaml = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(yaml).as("asyncapi.yaml on the classpath").isNotNull();
            document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        }
    }

    @Test
    void itIsAnAsyncApi3DocumentWhoseChannelsAreTheTopics() {
        assertThat(document.path("asyncapi").asText()).startsWith("3.");
        List<String> addresses = stream(document.path("channels")).map(channel -> channel.path("address").asText()).toList();
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void eachChannelCarriesExactlyTheEventTypesOfItsTopic() {
        for (String topic : Topics.ALL) {
            JsonNode channel = stream(document.path("channels"))
                    .filter(candidate -> candidate.path("address").asText().equals(topic)).findFirst().orElseThrow();
            List<String> documented = stream(channel.path("messages")).map(message -> resolve(message).path("name").asText()).toList();
            List<String> catalogued = EventCatalog.ALL.stream().filter(entry -> entry.topic().equals(topic))
                    .map(EventCatalog.Entry::type).toList();
            assertThat(documented).as("messages of %s", topic).containsExactlyInAnyOrderElementsOf(catalogued);
        }
        assertThat(fieldNames(document.path("components").path("messages")))
                .containsExactlyInAnyOrderElementsOf(EventCatalog.ALL.stream().map(EventCatalog.Entry::type).toList());
    }

    @Test
    void everyPayloadHasTheFieldsOfItsDataRecord() {
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            JsonNode message = document.path("components").path("messages").path(entry.type());
            assertMatches(message.path("payload"), entry.data(), entry.type());
        }
    }

    @Test
    void everyMessageHasTheEnvelopeAsHeadersAndTheUserAsKey() {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/test", EventTypes.SKILL_CREATED, "subject",
                Instant.now(), UUID.randomUUID());
        Set<String> headers = Arrays.stream(envelope.toHeaders().toArray()).map(Header::key).collect(Collectors.toSet());
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            JsonNode message = document.path("components").path("messages").path(entry.type());
            JsonNode schema = resolve(message.path("headers"));
            assertThat(fieldNames(schema.path("properties"))).as("headers of %s", entry.type()).containsExactlyInAnyOrderElementsOf(headers);
            assertThat(stream(schema.path("required")).map(JsonNode::asText).toList()).containsExactlyInAnyOrderElementsOf(headers);
            assertThat(resolve(message.path("bindings").path("kafka")).path("key").path("format").asText()).isEqualTo("uuid");
        }
    }

    private static void assertMatches(JsonNode schemaOrReference, Class<?> record, String path) {
        JsonNode schema = nonNull(schemaOrReference);
        assertThat(types(schema)).as("%s is an object", path).contains("object");
        Map<String, RecordComponent> components = Arrays.stream(record.getRecordComponents())
                .collect(Collectors.toMap(AsyncApiDocumentTest::jsonName, component -> component));
        assertThat(fieldNames(schema.path("properties"))).as("fields of %s (%s)", path, record.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(components.keySet());
        components.forEach((field, component) ->
                assertType(schema.path("properties").path(field), component.getGenericType(), path + "." + field));
    }

    /** The field's name in JSON: snake_case, unless the component names it itself. */
    private static String jsonName(RecordComponent component) {
        JsonProperty named = component.getAnnotation(JsonProperty.class);
        if (named == null && component.getAccessor().getAnnotation(JsonProperty.class) != null) {
            named = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        return named != null ? named.value() : SNAKE_CASE.translate(component.getName());
    }

    private static void assertType(JsonNode schemaOrReference, Type type, String path) {
        JsonNode schema = nonNull(schemaOrReference);
        Set<String> types = types(schemaOrReference);
        if (type instanceof Class<?> primitive && primitive.isPrimitive()) {
            assertThat(types).as("%s can never be null", path).doesNotContain("null");
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertThat(types).as(path).contains("array");
            assertType(schema.path("items"), list.getActualTypeArguments()[0], path + "[]");
        } else if (type instanceof Class<?> record && record.isRecord()) {
            assertMatches(schema, record, path);
        } else {
            Class<?> scalar = (Class<?>) type;
            assertThat(types).as(path).contains(jsonType(scalar));
            String format = format(scalar);
            if (format != null) {
                assertThat(schema.path("format").asText()).as("format of %s", path).isEqualTo(format);
            }
        }
    }

    private static String jsonType(Class<?> scalar) {
        if (scalar == String.class || scalar == UUID.class || scalar == Instant.class || scalar == LocalDate.class) {
            return "string";
        }
        if (scalar == int.class || scalar == Integer.class || scalar == long.class || scalar == Long.class) {
            return "integer";
        }
        if (scalar == double.class || scalar == Double.class) {
            return "number";
        }
        if (scalar == boolean.class || scalar == Boolean.class) {
            return "boolean";
        }
        throw new AssertionError("no JSON type known for " + scalar);
    }

    private static String format(Class<?> scalar) {
        if (scalar == UUID.class) {
            return "uuid";
        }
        if (scalar == Instant.class) {
            return "date-time";
        }
        return scalar == LocalDate.class ? "date" : null;
    }

    /** The schema a property is when present: the referenced one, or the non-null branch of a oneOf. */
    private static JsonNode nonNull(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("oneOf")) {
            return resolve(stream(resolved.path("oneOf")).filter(branch -> !types(branch).equals(Set.of("null")))
                    .findFirst().orElseThrow());
        }
        return resolved;
    }

    /** Every JSON type a schema admits, "null" included; a referenced object schema is "object". */
    private static Set<String> types(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        Set<String> types = new HashSet<>();
        if (resolved.has("oneOf")) {
            stream(resolved.path("oneOf")).forEach(branch -> types.addAll(types(branch)));
        }
        JsonNode type = resolved.path("type");
        if (type.isArray()) {
            stream(type).forEach(one -> types.add(one.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            String reference = resolved.path("$ref").asText();
            assertThat(reference).startsWith("#/");
            resolved = document.at(reference.substring(1));
            assertThat(resolved.isMissingNode()).as("%s resolves", reference).isFalse();
        }
        return resolved;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode node) {
        return StreamSupport.stream(node.spliterator(), false);
    }
}
