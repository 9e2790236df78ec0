package io.paperpulse.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateLinesTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-12T08:00:00Z");

    @ParameterizedTest(name = "''{0}'' with hint {1} is {2}")
    @CsvSource(nullValues = "-", value = {
            "Mar 11, -, 2026-03-11",
            "March 11, -, 2026-03-11",
            "Mar 11 2024, -, 2024-03-11",
            "'Mar 11, 2024', -, 2024-03-11",
            "11 Mar 2024, -, 2024-03-11",
            "11 March, -, 2026-03-11",
            "2024-03-11, -, 2024-03-11",
            "2024/03/11, -, 2024-03-11",
            "'Tue, Mar 11', -, 2026-03-11",
            "Tuesday March 11th, -, 2026-03-11",
            "Sept. 3, -, 2025-09-03",
            "  Mar 11  , -, 2026-03-11",
            "Mar 13, -, 2025-03-13",
            "Mar 11, 2024-06-01, 2024-03-11",
            "Dec 31, 2025-01-02, 2024-12-31",
            "Jan 2, 2024-12-30, 2025-01-02",
            "Feb 29, -, 2024-02-29"})
    void dateLines(String line, String hint, String expected) {
        PageInput input = new PageInput(new byte[0], null, hint == null ? null : LocalDate.parse(hint), RECEIVED);
        assertEquals(Optional.of(LocalDate.parse(expected)), DateLines.parse(line, input));
    }

    @ParameterizedTest(name = "''{0}'' is no date line")
    @CsvSource({"Mamba: Linear-Time Sequence Modeling", "2024", "Mar", "March 32", "2024-13-01", "Published on Mar 11",
            "Mar 11 - Mar 17", "11 Papers You Should Read", "'Mar 11, 2024: A Retrospective of the Year of Large Language Models'"})
    void notDateLines(String line) {
        assertEquals(Optional.empty(), DateLines.parse(line, new PageInput(new byte[0], null, null, RECEIVED)));
    }
}
