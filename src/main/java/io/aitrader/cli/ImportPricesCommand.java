package io.aitrader.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import io.aitrader.errors.ApiException;
import io.aitrader.prices.DownloadRun;
import io.aitrader.prices.ImportReport;
import io.aitrader.prices.PriceBackfill;
import io.aitrader.prices.PriceImportService;
import io.aitrader.prices.StopSignal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * import-prices FILE…: the same import as POST /prices/import, one file after the other; import-prices --from DATE
 * [--to DATE]: the same backfill as POST /prices/backfill, in this process, with a progress bar.
 */
@Command(name = "import-prices", mixinStandardHelpOptions = true, description = {
        "Imports AI-Trader JSONL or Alpha Vantage JSON price files; the newer import wins on overlaps.",
        "With --from (and --to), downloads that range of the default config's prices from the price provider "
                + "instead (PRICE_PROVIDER, its key and budget); what is stored is never asked again, so it resumes "
                + "where an interrupted one stopped."}, exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                        "0:every file was imported, or the range is complete",
                        "1:a file was missing or refused, or some of the range could not be downloaded",
                        "2:bad arguments (or no price provider key for --from)"})
public class ImportPricesCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "price files to import")
    List<Path> files = List.of();

    @Option(names = "--from", paramLabel = "DATE", converter = DateConverter.class, description = "download prices from this date (YYYY-MM-DD)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = DateConverter.class, description = "... up to this date (default: today)")
    LocalDate to;

    @Spec
    CommandSpec spec;

    private final PriceImportService imports;
    private final PriceBackfill backfill;

    ImportPricesCommand(PriceImportService imports, PriceBackfill backfill) {
        this.imports = imports;
        this.backfill = backfill;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (from == null && to != null || from != null && !files.isEmpty() || from == null && files.isEmpty()) {
            err.println("give price FILEs, or --from DATE [--to DATE] to download a range");
            err.flush();
            return ExitCodes.USAGE;
        }
        return from == null ? importFiles(out, err) : backfill(out, err);
    }

    private int backfill(PrintWriter out, PrintWriter err) {
        LocalDate last = to == null ? LocalDate.now(ZoneId.of("America/New_York")) : to;
        if (last.isBefore(from)) {
            err.println("--to must not be before --from");
            err.flush();
            return ExitCodes.USAGE;
        }
        PriceBackfill.Run run;
        try (ProgressDisplay.DownloadBar bar = ProgressDisplay.downloadBar()) {
            run = backfill.runNow(from, last, new DownloadRun(bar, new StopSignal()));
        } catch (ApiException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        out.println("Prices " + from + " to " + last + " from " + run.provider() + ": " + run.status());
        run.warnings().forEach(w -> out.println("  " + w));
        out.flush();
        return run.status().equals(PriceBackfill.Run.COMPLETED) ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    private int importFiles(PrintWriter out, PrintWriter err) {
        int failures = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println(file + ": no such file");
                failures++;
                continue;
            }
            try {
                ImportReport report = imports.importFile(file);
                out.println(file + ": " + report.inserted() + " inserted, " + report.replaced() + " replaced, "
                        + report.unchanged() + " unchanged, " + report.rejected() + " rejected"
                        + (report.syntheticRemoved() > 0
                                ? "; " + report.syntheticRemoved() + " synthetic rows removed"
                                : ""));
            } catch (ApiException e) {
                err.println(file + ": " + e.getMessage());
                failures++;
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
