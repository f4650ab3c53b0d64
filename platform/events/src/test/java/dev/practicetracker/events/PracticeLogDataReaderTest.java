package dev.practicetracker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@link PracticeLogDataReader} reads exactly what Jackson's own reader of the record reads, and rejects what it rejects. */
class PracticeLogDataReaderTest {

    /** Jackson with the contract's settings and no reader of its own for {@link PracticeLogData}. */
    private static final ObjectMapper JACKSON = EventJson.shape().build();

    private static final String ID = "\"7f8c0000-0000-4000-8000-000000000000\"";
    private static final String OTHER_ID = "\"1b2d0000-0000-4000-8000-000000000000\"";

    @Test
    void readsBackEveryComponentOfTheRecord() throws Exception {
        PracticeLogData everyComponentSet = everyComponentSet();

        String json = EventJson.write(everyComponentSet);

        assertThat(EventJson.read(json, PracticeLogData.class)).isEqualTo(everyComponentSet)
                .isEqualTo(JACKSON.readValue(json, PracticeLogData.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"id\":" + ID + ",\"user_id\":" + OTHER_ID + ",\"local_date\":\"2026-11-21\",\"duration\":45,\"version\":3}",
            "{\"id\":null,\"duration\":null,\"version\":null,\"deleted\":null,\"difficulty_rating\":null,\"local_date\":null}",
            "{\"duration\":\"45\",\"version\":\"7\",\"difficulty_rating\":\"2\",\"deleted\":\"true\"}",
            "{\"version\":2.0,\"duration\":30.0}",
            "{\"description\":12,\"zone\":true,\"milestone_id\":1.5}",
            "{\"milestone_id\":\"m1\",\"milestone_completed\":true}",
            "{\"milestone_completed\":\"true\",\"deleted\":false}",
            "{\"added_later\":{\"nested\":[1,{\"a\":null}]},\"id\":" + ID + ",\"more\":[[]],\"deleted\":true}",
            "{\"id\":" + ID + ",\"id\":" + OTHER_ID + "}",
            "{\"local_date\":[2026,11,21]}",
            "{\"date_practiced\":\"2026-11-21T18:30:00+01:00\",\"created_at\":1763749800,\"updated_at\":\"2026-11-21T18:30:00.5Z\"}",
            "{\"local_date\":\"2026-02-28\",\"date_practiced\":\"2026-11-21T18:30:00.123456Z\"}",
            "{\"USER_ID\":" + ID + ",\"userId\":" + ID + "}" })
    void readsWhatJacksonReads(String json) throws Exception {
        assertThat(EventJson.read(json, PracticeLogData.class)).isEqualTo(JACKSON.readValue(json, PracticeLogData.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "\"a log\"",
            "{\"id\":\"not a uuid\"}",
            "{\"id\":{}}",
            "{\"user_id\":[" + ID + "]}",
            "{\"duration\":\"forty\"}",
            "{\"duration\":12345678901}",
            "{\"version\":{}}",
            "{\"deleted\":[]}",
            "{\"local_date\":\"2026-02-30\"}",
            "{\"local_date\":\"21.11.2026\"}",
            "{\"date_practiced\":\"yesterday\"}",
            "{\"description\":{\"text\":\"x\"}}",
            "{\"id\":" + ID })
    void rejectsWhatJacksonRejects(String json) {
        assertThatThrownBy(() -> JACKSON.readValue(json, PracticeLogData.class)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> EventJson.read(json, PracticeLogData.class)).isInstanceOf(MalformedEventException.class);
    }

    /** A value for every component that is not its type's default, so a component the reader skips shows. */
    private static PracticeLogData everyComponentSet() throws Exception {
        RecordComponent[] components = PracticeLogData.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            values[i] = type == UUID.class ? UUID.nameUUIDFromBytes(new byte[] { (byte) i })
                    : type == Instant.class ? Instant.parse("2026-11-21T18:30:00.123Z").plusSeconds(i)
                    : type == LocalDate.class ? LocalDate.of(2026, 11, 1 + i)
                    : type == String.class ? components[i].getName() + " value"
                    : type == int.class || type == Integer.class ? 10 + i
                    : type == long.class ? 100L + i
                    : type == boolean.class ? Boolean.TRUE
                    : null;
            if (values[i] == null) {
                throw new IllegalStateException("no sample value for " + components[i] + ": add one for its type");
            }
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return PracticeLogData.class.getDeclaredConstructor(types).newInstance(values);
    }
}
