package io.aitrader.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aitrader.jobs.view.JobStatusView;

/** Prints a finished job as a table: one row per model, then the first problem of each model that had one. */
final class ResultsTable {

    private static final String[] HEADERS = {"MODEL", "DAYS OK", "FAILED", "NOT RUN", "FINAL VALUE", "RETURN",
            "TRADES"};

    /** 9,897.78 and -1.50% under any default locale: no Turkish 9.897,78, no Arabic digits. */
    private static final Locale TABLE_LOOK = Locale.US;

    private ResultsTable() {
    }

    static void print(JobStatusView job, List<RunSummary.ModelSummary> rows, PrintWriter out) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADERS);
        rows.forEach(row -> cells.add(cells(row)));
        int[] widths = new int[HEADERS.length];
        cells.forEach(line -> {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        });
        out.println();
        out.println("Job " + job.jobId() + " " + job.status()
                + (job.totalDurationSeconds() == null ? "" : " in " + job.totalDurationSeconds() + " s")
                + (job.error() == null ? "" : ": " + job.error()));
        cells.forEach(line -> out.println(format(line, widths)));
        rows.stream().filter(row -> row.firstProblem() != null)
                .forEach(row -> out.println("  " + row.model() + " " + row.firstProblem()));
        job.warnings().forEach(warning -> out.println("  warning: " + warning));
    }

    static String[] cells(RunSummary.ModelSummary row) {
        BigDecimal returnPct = row.returnPct();
        return new String[]{row.model(), row.completed() + "/" + row.modelDays(), String.valueOf(row.failed()),
                String.valueOf(row.notRun()),
                row.finalValue() == null ? "-" : String.format(TABLE_LOOK, "%,.2f", row.finalValue()),
                returnPct == null ? "-" : String.format(TABLE_LOOK, "%+.2f%%", returnPct),
                String.valueOf(row.trades())};
    }

    private static String format(String[] line, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < line.length; i++) {
            String cell = line[i];
            String padding = " ".repeat(widths[i] - cell.length());
            // the model name reads left to right; numbers line up on the right
            text.append(i == 0 ? cell + padding : padding + cell).append(i < line.length - 1 ? "  " : "");
        }
        return text.toString();
    }
}
