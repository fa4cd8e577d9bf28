package io.aitrader.prices;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;

/** The price_imports table: which file contents (by sha256) were imported, with their counts. */
@ApplicationScoped
public class PriceImportLog {

    static final String EXISTS = "SELECT 1 FROM price_imports WHERE sha256 = ?";
    static final String RECORD = """
            INSERT INTO price_imports (sha256, file_name, imported_at, symbols, inserted, replaced,
                unchanged, rejected, synthetic_removed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (sha256) DO UPDATE SET file_name = excluded.file_name, imported_at = excluded.imported_at,
                symbols = excluded.symbols, inserted = excluded.inserted, replaced = excluded.replaced,
                unchanged = excluded.unchanged, rejected = excluded.rejected,
                synthetic_removed = excluded.synthetic_removed
            """;

    private final DataSource dataSource;

    @Inject
    public PriceImportLog(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isImported(String sha256) {
        return Jdbc.find(dataSource, "Could not read the price import log", EXISTS, rs -> true, sha256).isPresent();
    }

    /** Records an import inside the import's own transaction. */
    public void persist(Connection c, String sha256, ImportReport report) throws SQLException {
        Jdbc.update(c, RECORD, sha256, report.file(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                report.symbols(), report.inserted(), report.replaced(), report.unchanged(), report.rejected(),
                report.syntheticRemoved());
    }
}
