package io.aitrader.prices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.aitrader.errors.ApiException;
import io.quarkus.logging.Log;

/**
 * Imports price files: parse everything first (a broken file imports nothing), then write the whole file in one
 * transaction. Overlaps follow "the newer import wins"; the first real prices remove every synthetic row.
 */
@ApplicationScoped
public class PriceImportService {

    private final PriceFileParser parser;
    private final PriceRepository repository;
    private final PriceImportLog importLog;
    private final IntradayStore intraday;

    @Inject
    public PriceImportService(PriceFileParser parser, PriceRepository repository, PriceImportLog importLog,
            IntradayStore intraday) {
        this.parser = parser;
        this.repository = repository;
        this.importLog = importLog;
        this.intraday = intraday;
    }

    public ImportReport importBytes(String fileName, byte[] content) {
        byte[] body = content == null ? new byte[0] : content;
        return importContent(fileName, body, sha256(body));
    }

    /**
     * Stores prices from another source (an Alpha Vantage download) under the same rules as a file: one transaction,
     * newer wins, synthetic rows removed. {@code origin} names the source in the report.
     */
    public ImportReport storeBars(String origin, List<PriceBar> bars) {
        TreeSet<String> symbols = new TreeSet<>();
        bars.forEach(bar -> symbols.add(bar.symbol()));
        ParsedPrices parsed = new ParsedPrices(bars, List.of(), symbols);
        return repository.inTransaction(c -> {
            int syntheticRemoved = bars.isEmpty() ? 0 : repository.deleteSynthetic(c);
            return ImportReport.of(origin, parsed, repository.persistOrUpdate(c, bars), syntheticRemoved);
        });
    }

    public ImportReport importFile(Path file) {
        try {
            return importBytes(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the price file " + file, e);
        }
    }

    /**
     * Imports every .json, .jsonl and .ndjson file of {@code folder} (created when missing) in name order, skipping
     * files whose exact content was imported before; a broken file is logged and left for the operator.
     */
    public FolderImport importFolder(Path folder) {
        List<ImportReport> imported = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Path file : priceFiles(folder)) {
            String name = file.getFileName().toString();
            try {
                byte[] content = Files.readAllBytes(file);
                String sha = sha256(content);
                if (importLog.isImported(sha)) {
                    skipped.add(name);
                } else {
                    imported.add(importContent(name, content, sha));
                }
            } catch (ApiException e) {
                Log.warnf("Price file %s not imported: %s %s", file, e.getMessage(), e.toError().details());
                failed.add(name);
            } catch (IOException e) {
                Log.warnf("Price file %s not readable: %s", file, e.getMessage());
                failed.add(name);
            }
        }
        return new FolderImport(imported, skipped, failed);
    }

    /**
     * Imports the shipped sample files ({@link SamplePrices}) and {@code continuation} (bars computed from them) in one
     * transaction, only into a store that holds no row at all; false when it held some.
     */
    public boolean importSampleIfEmpty(Function<List<PriceBar>, List<PriceBar>> continuation) {
        long start = System.nanoTime();
        List<byte[]> contents = SamplePrices.FILES.stream().map(SamplePrices::content).toList();
        List<ParsedPrices> files = contents.stream().map(c -> parser.parse(c, PriceBar.SOURCE_SAMPLE)).toList();
        List<PriceBar> sampleBars = files.stream().flatMap(file -> file.bars().stream()).toList();
        List<PriceBar> extra = continuation.apply(sampleBars);
        boolean imported = repository.inTransaction(c -> {
            if (repository.count(c) > 0) {
                return false;
            }
            for (int i = 0; i < files.size(); i++) {
                StoreCounts counts = repository.persistOrUpdate(c, files.get(i).bars());
                importLog.persist(c, sha256(contents.get(i)),
                        ImportReport.of("sample/" + SamplePrices.FILES.get(i), files.get(i), counts, 0));
            }
            repository.persistOrUpdate(c, extra);
            return true;
        });
        if (imported) {
            Log.infof("Empty price store and no price provider key: imported the shipped SAMPLE prices (real 2025 "
                    + "NASDAQ-100 daily bars, %s to %s, %d rows) and %d synthetic rows after them in %d ms",
                    SamplePrices.FIRST_DAY, SamplePrices.LAST_DAY, sampleBars.size(), extra.size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return imported;
    }

    private ImportReport importContent(String fileName, byte[] content, String sha) {
        long start = System.nanoTime();
        ParsedPrices parsed = parser.parse(content, PriceBar.SOURCE_FILE);
        ImportReport report = repository.inTransaction(c -> {
            int syntheticRemoved = parsed.bars().isEmpty() ? 0 : repository.deleteSynthetic(c);
            StoreCounts counts = repository.persistOrUpdate(c, parsed.bars())
                    .plus(intraday.write(c, parsed.intraday()));
            ImportReport done = ImportReport.of(fileName, parsed, counts, syntheticRemoved);
            importLog.persist(c, sha, done);
            return done;
        });
        Log.infof("Imported prices from %s in %d ms: %d symbols, %d inserted, %d replaced, %d unchanged, "
                + "%d rejected, %d synthetic rows removed", fileName, (System.nanoTime() - start) / 1_000_000,
                report.symbols(), report.inserted(), report.replaced(), report.unchanged(), report.rejected(),
                report.syntheticRemoved());
        return report;
    }

    private static List<Path> priceFiles(Path folder) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(Files::isRegularFile).filter(PriceImportService::isPriceFile).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the price folder " + folder, e);
        }
    }

    private static boolean isPriceFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".")
                && (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson"));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
