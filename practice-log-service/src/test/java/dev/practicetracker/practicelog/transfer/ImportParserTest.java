package dev.practicetracker.practicelog.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.platform.problem.ProblemException;

class ImportParserTest {

    private final ImportParser parser = new ImportParser(new ObjectMapper());

    @Test
    void csvColumnsAreFoundByNameInAnyOrderCaseAndSpacing() {
        List<ImportRow> rows = parser.csv(" Duration ,DESCRIPTION,notes,date_practiced,skill_name\n"
                + "30,Scales and arpeggios,ignored,2026-11-01T10:00:00Z,Piano\n");

        assertThat(rows).containsExactly(
                new ImportRow(null, "Piano", "2026-11-01T10:00:00Z", "30", "Scales and arpeggios", null, null, null, null, null));
    }

    @Test
    void blankAndMissingTrailingCsvCellsAreAbsent() {
        List<ImportRow> rows = parser.csv("skill_id,date_practiced,duration,description,difficulty_rating\n"
                + "s1,2026-11-01T10:00:00Z,,  ,\n"
                + "s2,2026-11-02T10:00:00Z\n");

        assertThat(rows).containsExactly(
                new ImportRow("s1", null, "2026-11-01T10:00:00Z", null, null, null, null, null, null, null),
                new ImportRow("s2", null, "2026-11-02T10:00:00Z", null, null, null, null, null, null, null));
    }

    @Test
    void quotedCsvCellsKeepTheirCommasQuotesAndLineBreaks() {
        List<ImportRow> rows = parser.csv("skill_id,date_practiced,duration,description\n"
                + "s1,2026-11-01T10:00:00Z,30,\"Scales, \"\"etudes\"\"\nand more\"\n");

        assertThat(rows).extracting(ImportRow::description).containsExactly("Scales, \"etudes\"\nand more");
    }

    @Test
    void aCsvRowWithMoreCellsThanTheHeaderIsUnreadable() {
        assertThatThrownBy(() -> parser.csv("skill_id,date_practiced,duration,description\ns1,2026-11-01T10:00:00Z,30,Scales,extra\n"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(messagesOf(e)).singleElement().asString().contains("not readable CSV"));
    }

    @Test
    void aCsvWithoutItsNeededColumnsIsRefusedBeforeAnyRowIsRead() {
        assertThatThrownBy(() -> parser.csv("skill,when\ns1,2026-11-01T10:00:00Z\n"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(messagesOf(e)).singleElement().asString()
                        .contains("date_practiced, duration, description, skill_id or skill_name"));
    }

    @Test
    void jsonRowsTakeAnyValueAsText() {
        List<ImportRow> rows = parser.json("[{\"skill_id\":\"s1\",\"date_practiced\":\"2026-11-01T10:00:00Z\",\"duration\":30,"
                + "\"description\":\"Scales and arpeggios\",\"difficulty_rating\":null,\"unknown\":1}]");

        assertThat(rows).containsExactly(
                new ImportRow("s1", null, "2026-11-01T10:00:00Z", "30", "Scales and arpeggios", null, null, null, null, null));
    }

    private static List<String> messagesOf(Throwable problem) {
        return ((ProblemException) problem).problem().violations().stream().map(v -> v.message()).toList();
    }
}
