package dev.practicetracker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final PracticeLogData LOG = new PracticeLogData(
            UUID.fromString("7f8c0000-0000-4000-8000-000000000000"),
            UUID.fromString("1b2d0000-0000-4000-8000-000000000000"),
            UUID.fromString("9a0e0000-0000-4000-8000-000000000000"),
            Instant.parse("2026-11-21T18:30:00Z"), LocalDate.parse("2026-11-21"), "Europe/Berlin",
            45, "Practiced SQL window functions", 3, 4, "practice", null, false, 2,
            Instant.parse("2026-11-21T18:31:00Z"), Instant.parse("2026-11-21T18:32:00Z"), false);

    @Test
    void writesTheSnakeCaseShapeOfTheContract() {
        String json = EventJson.write(LOG);

        assertThat(json).contains("\"user_id\":\"1b2d0000-0000-4000-8000-000000000000\"",
                "\"date_practiced\":\"2026-11-21T18:30:00Z\"", "\"local_date\":\"2026-11-21\"",
                "\"difficulty_rating\":3", "\"milestone_id\":null", "\"version\":2", "\"deleted\":false");
    }

    @Test
    void readsItBackIgnoringFieldsAddedLater() {
        String json = EventJson.write(LOG).replace("{\"id\"", "{\"added_in_a_later_release\":true,\"id\"");

        assertThat(EventJson.read(json, PracticeLogData.class)).isEqualTo(LOG);
    }

    @Test
    void rejectsAValueThatIsNotJson() {
        assertThatThrownBy(() -> EventJson.read("not json", PracticeLogData.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void rejectsDataWithoutItsIdentity() {
        PracticeLogData withoutSkill = EventJson.read("{\"id\":\"7f8c0000-0000-4000-8000-000000000000\",\"version\":1}",
                PracticeLogData.class);

        assertThatThrownBy(withoutSkill::requireComplete).isInstanceOf(MalformedEventException.class);
    }
}
