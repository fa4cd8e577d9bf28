package io.aitrader.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

/** The pieces of batch mode that need no running application: table cells, dates, plain progress lines. */
class ResultsTableTest {

    @Test
    void aRowShowsValueReturnAndCounts() {
        var row = new RunSummary.ModelSummary("mock-trader", 3, 2, 1, 0, new BigDecimal("10000"),
                new BigDecimal("10250.5"), 7, "2025-10-03 failed: timeout");
        assertArrayEquals(new String[]{"mock-trader", "2/3", "1", "0", "10,250.50", "+2.51%", "7"},
                ResultsTable.cells(row));
        assertEquals(false, row.allCompleted());
    }

    @Test
    void aModelWithoutResultsShowsDashes() {
        var row = new RunSummary.ModelSummary("broken", 2, 0, 2, 0, null, null, 0, "x");
        assertNull(row.returnPct());
        assertArrayEquals(new String[]{"broken", "0/2", "2", "0", "-", "-", "0"}, ResultsTable.cells(row));
    }

    @Test
    void aLossIsNegative() {
        var row = new RunSummary.ModelSummary("m", 1, 1, 0, 0, new BigDecimal("10000"), new BigDecimal("9897.78"), 1,
                null);
        assertEquals("-1.02%", ResultsTable.cells(row)[5]);
    }

    @Test
    void datesMustBeRealAndComplete() {
        assertEquals(LocalDate.of(2025, 10, 1), new DateConverter().convert("2025-10-01"));
        for (String bad : new String[]{"2025-13-01", "2025-02-30", "2025-1-01", "yesterday"}) {
            var e = assertThrows(TypeConversionException.class, () -> new DateConverter().convert(bad));
            assertEquals("'" + bad + "' is not a real date in YYYY-MM-DD form", e.getMessage());
        }
    }

    @Test
    void plainProgressPrintsALineOnlyWhenProgressChanges() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LineConsumer lines = new LineConsumer(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        lines.accept("Simulating 10% [=   ] 1/10 model-days (0:00:01 / 0:00:09) m 2025-10-01");
        lines.accept("Simulating 10% [=   ] 1/10 model-days (0:00:02 / 0:00:08) m 2025-10-01");
        lines.accept("Simulating 20% [==  ] 2/10 model-days (0:00:02 / 0:00:08) m 2025-10-02");
        String[] printed = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, printed.length, String.join("\n", printed));
        assertEquals("Simulating 20% [==  ] 2/10 model-days (0:00:02 / 0:00:08) m 2025-10-02", printed[1]);
    }
}
