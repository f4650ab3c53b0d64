package dev.practicetracker.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.json.JsonMapper;

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
