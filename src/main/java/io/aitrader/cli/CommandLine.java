package io.aitrader.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import jakarta.inject.Inject;

import io.aitrader.errors.ApiException;
import io.aitrader.prices.PriceImportService;
import io.quarkus.runtime.QuarkusApplication;

/** The commands of batch mode. Output goes to the terminal: it is the user interface here, not logging. */
public class CommandLine implements QuarkusApplication {

    static final String USAGE = """
            Usage: ai-trader-server [command]
              (no command)          run the HTTP server
              import-prices FILE…   import AI-Trader JSONL or Alpha Vantage JSON price files
              --help                show this help
            """;

    @Inject
    PriceImportService imports;

    @Override
    public int run(String... args) {
        PrintStream out = System.out;
        return switch (args[0]) {
            case "--help", "-h", "help" -> {
                out.print(USAGE);
                yield 0;
            }
            case "import-prices" -> importPrices(Arrays.copyOfRange(args, 1, args.length), out);
            default -> {
                System.err.println("Unknown command: " + args[0]);
                System.err.print(USAGE);
                yield 2;
            }
        };
    }

    private int importPrices(String[] files, PrintStream out) {
        if (files.length == 0) {
            System.err.println("import-prices needs at least one file");
            return 2;
        }
        int failures = 0;
        for (String file : files) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                System.err.println(file + ": no such file");
                failures++;
                continue;
            }
            try {
                var report = imports.importFile(path);
                out.println(file + ": " + report.inserted() + " inserted, " + report.replaced() + " replaced, "
                        + report.rejected() + " rejected");
            } catch (ApiException e) {
                System.err.println(file + ": " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
