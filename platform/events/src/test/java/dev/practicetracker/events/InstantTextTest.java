package dev.practicetracker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class InstantTextTest {

    /** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z */
    private static final long FIRST_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long END_SECOND = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
    private static final int RANDOM_INSTANTS = 200_000;

    @Test
    void writesEveryInstantOfYearsOneToNineThousandNineHundredNinetyNineAsInstantToStringDoes() {
        SplittableRandom random = new SplittableRandom(20261122);
        for (int i = 0; i < RANDOM_INSTANTS; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(FIRST_SECOND, END_SECOND), nanosOfEveryShape(random, i));
            assertThat(InstantText.format(instant)).as("%s", instant).isEqualTo(instant.toString());
        }
    }

    @Test
    void writesTheEdgesOfDaysMonthsLeapYearsAndCenturiesAsInstantToStringDoes() {
        for (String edge : new String[] { "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00.001Z",
                "2000-02-29T12:00:00.000001Z", "1900-02-28T23:59:59Z", "1900-03-01T00:00:00Z", "2100-02-28T00:00:00Z",
                "2024-12-31T23:59:59.5Z", "1600-02-29T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "2026-11-22T23:04:52.405924Z" }) {
            Instant instant = Instant.parse(edge);
            assertThat(InstantText.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void leavesYearsOutsideFourDigitsToInstantToString() {
        for (Instant far : new Instant[] { Instant.parse("0000-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.MIN, Instant.MAX }) {
            assertThat(InstantText.write(far, new char[InstantText.MAX_LENGTH])).isEqualTo(-1);
            assertThat(InstantText.format(far)).isEqualTo(far.toString());
        }
    }

    @Test
    void isHowJacksonWritesAnInstantOnceTheModuleIsRegistered() throws Exception {
        JsonMapper mapper = JsonMapper.builder().addModule(InstantText.JACKSON_MODULE).build();
        Instant instant = Instant.parse("2026-11-22T23:04:52.405924Z");

        assertThat(mapper.writeValueAsString(instant)).isEqualTo("\"2026-11-22T23:04:52.405924Z\"");
        assertThat(mapper.writeValueAsString(Instant.MAX)).isEqualTo("\"" + Instant.MAX + "\"");
    }

    @Test
    void readsEveryInstantItWritesBack() {
        SplittableRandom random = new SplittableRandom(20261123);
        for (int i = 0; i < RANDOM_INSTANTS; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(FIRST_SECOND, END_SECOND), nanosOfEveryShape(random, i));
            assertThat(InstantText.read(InstantText.format(instant))).as("%s", instant).isEqualTo(instant);
        }
    }

    @Test
    void readsAnyOtherTextAsInstantParseDoes() {
        for (String other : new String[] { "2026-11-22T23:04:52.1Z", "2026-11-22T23:04:52.12345Z", "2026-11-22T23:04:52+02:00",
                "2026-11-22t23:04:52z", "+10000-01-01T00:00:00Z", "2024-02-29T00:00:00Z" }) {
            assertThat(InstantText.parse(other)).as(other).isEqualTo(Instant.parse(other));
        }
        for (String invalid : new String[] { "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-11-22T23:60:00Z", "2026-11-22T23:04:5xZ", "2026-11-22 23:04:52Z", "2026-11-22T23:04:52.12aZ", "" }) {
            assertThat(InstantText.read(invalid)).as(invalid).isNull();
            assertThatThrownBy(() -> InstantText.parse(invalid)).as(invalid).isInstanceOf(DateTimeParseException.class);
        }
        // forms Instant.parse accepts beyond what format writes: left to it
        for (String edge : new String[] { "2026-11-22T24:00:00Z", "0000-01-01T00:00:00Z" }) {
            assertThat(InstantText.read(edge)).as(edge).isNull();
            assertThat(InstantText.parse(edge)).as(edge).isEqualTo(Instant.parse(edge));
        }
    }

    @Test
    void readsInstantsInEveryFormTheTimeModuleReads() throws Exception {
        JsonMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(InstantText.JACKSON_MODULE)
                .build();

        assertThat(mapper.readValue("\"2026-11-22T23:04:52.405924Z\"", Instant.class)).isEqualTo(Instant.parse("2026-11-22T23:04:52.405924Z"));
        assertThat(mapper.readValue("\"2026-11-22T23:04:52+02:00\"", Instant.class)).isEqualTo(Instant.parse("2026-11-22T21:04:52Z"));
        assertThat(mapper.readValue("1795393492.5", Instant.class)).isEqualTo(Instant.ofEpochSecond(1_795_393_492L, 500_000_000));
        assertThatThrownBy(() -> mapper.readValue("\"2026-02-30T00:00:00Z\"", Instant.class)).isInstanceOf(JsonProcessingException.class);
    }

    /** Whole seconds, milliseconds, microseconds and nanoseconds in turn: each fraction length. */
    private static int nanosOfEveryShape(SplittableRandom random, int i) {
        return switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
    }
}
