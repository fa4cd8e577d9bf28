package io.aitrader.prices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(EXISTS)) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Price import log failure: " + e.getMessage(), e);
        }
    }

    /** Records an import inside the import's own transaction. */
    public void record(Connection c, String sha256, ImportReport report) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RECORD)) {
            ps.setString(1, sha256);
            ps.setString(2, report.file());
            ps.setString(3, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            ps.setInt(4, report.symbols());
            ps.setInt(5, report.inserted());
            ps.setInt(6, report.replaced());
            ps.setInt(7, report.unchanged());
            ps.setInt(8, report.rejected());
            ps.setInt(9, report.syntheticRemoved());
            ps.executeUpdate();
        }
    }
}
