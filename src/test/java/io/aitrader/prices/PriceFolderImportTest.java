package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PriceFolderImportTest {

    @Inject
    @Storage
    DataSource dataSource;

    @Inject
    PriceImportService importService;

    @Inject
    PriceRepository repository;

    @BeforeEach
    void ownThePriceTable() {
        PriceTestData.clearPrices(dataSource);
    }

    @Test
    void aSecondScanImportsNothingAndAChangedFileIsImportedAgain() throws Exception {
        Path folder = Path.of("target", "price-folder-" + UUID.randomUUID());
        // The import log outlives test runs: a unique text makes this content new to it.
        String unique = "run " + UUID.randomUUID();
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("a.jsonl"), PriceTestData.line("FOLD", unique, "2025-10-27", "10",
                "2025-10-28", "11"));
        Files.writeString(folder.resolve("README.md"), "not a price file");
        Files.writeString(folder.resolve("broken.json"), "{ not json");

        FolderImport first = importService.importFolder(folder);
        assertEquals(1, first.imported().size());
        assertEquals(2, first.imported().get(0).inserted());
        assertEquals(List.of("broken.json"), first.failed());

        FolderImport second = importService.importFolder(folder);
        assertTrue(second.imported().isEmpty(), "nothing is imported twice");
        assertEquals(List.of("a.jsonl"), second.skipped());
        assertEquals(2L, repository.count());

        Files.writeString(folder.resolve("a.jsonl"), PriceTestData.line("FOLD", unique, "2025-10-27", "10",
                "2025-10-28", "12"));
        FolderImport changed = importService.importFolder(folder);
        assertEquals(1, changed.imported().size());
        assertEquals(1, changed.imported().get(0).replaced());
        assertEquals(1, changed.imported().get(0).unchanged());
    }

    @Test
    void aMissingFolderIsCreated() {
        Path folder = Path.of("target", "price-folder-" + UUID.randomUUID(), "prices");
        FolderImport scan = importService.importFolder(folder);
        assertTrue(Files.isDirectory(folder));
        assertTrue(scan.imported().isEmpty() && scan.failed().isEmpty());
    }
}
