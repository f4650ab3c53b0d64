package dev.practicetracker.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes and reads event {@code data}. The contract's JSON shape is fixed here, independent of how
 * any one service configures Jackson for its HTTP API; unknown fields are ignored so producers may
 * add fields without breaking consumers.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = shape()
            .addModule(new SimpleModule("practice-log-data").addDeserializer(PracticeLogData.class, new PracticeLogDataReader()))
            .build();

    private EventJson() {
    }

    /** The contract's JSON shape as Jackson reads and writes it by itself, before any faster reader of one type. */
    static JsonMapper.Builder shape() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(InstantText.JACKSON_MODULE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    public static String write(Object data) {
        try {
            return MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON: " + data.getClass().getSimpleName(), e);
        }
    }

    /**
     * @throws MalformedEventException when the value is not JSON of the expected shape
     */
    public static <T> T read(String json, Class<T> type) {
        if (json == null) {
            throw new MalformedEventException("record has no value");
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
