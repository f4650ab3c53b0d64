package dev.practicetracker.practicelog.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvNeutralisationTest {

    @ParameterizedTest
    @ValueSource(strings = { "=1+1", "+1", "-1", "@SUM(A1)", "\tTAB", "\rCR" })
    void aCellASpreadsheetWouldRunIsShownAsText(String cell) {
        assertThat(PracticeLogExport.neutralised(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Scales", "1 = 1", "", "a-b" })
    void anyOtherCellIsLeftAlone(String cell) {
        assertThat(PracticeLogExport.neutralised(cell)).isEqualTo(cell);
    }
}
