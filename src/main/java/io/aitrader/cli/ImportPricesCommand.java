package io.aitrader.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.aitrader.errors.ApiException;
import io.aitrader.prices.ImportReport;
import io.aitrader.prices.PriceImportService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** import-prices FILE…: the same import as POST /prices/import, one file after the other. */
@Command(name = "import-prices", mixinStandardHelpOptions = true, description = "Imports AI-Trader JSONL or Alpha Vantage JSON price files; the newer import wins on overlaps.", exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:every file was imported", "1:a file was missing or refused", "2:bad arguments"})
public class ImportPricesCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "price files to import")
    List<Path> files;

    @Spec
    CommandSpec spec;

    private final PriceImportService imports;

    ImportPricesCommand(PriceImportService imports) {
        this.imports = imports;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
