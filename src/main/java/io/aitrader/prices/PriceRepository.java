package io.aitrader.prices;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;

/**
 * The price_data table. Dates are ISO text, prices REAL (read back as BigDecimal with at least 4 decimals). Writes
 * take a connection from {@link #inTransaction} so an import stays one transaction; reads run in autocommit.
 */
@ApplicationScoped
public class PriceRepository {

    static final String UPSERT = """
            INSERT INTO price_data (symbol, date, open, high, low, close, volume, source, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (symbol, date) DO UPDATE SET open = excluded.open, high = excluded.high,
                low = excluded.low, close = excluded.close, volume = excluded.volume,
                source = excluded.source, imported_at = excluded.imported_at
            """;
    static final String SELECT_BARS = """
            SELECT symbol, date, open, high, low, close, volume, source FROM price_data
            WHERE date BETWEEN ? AND ?
            """;
    static final String SELECT_OPEN_CLOSE = """
            SELECT symbol, date, open, close FROM price_data WHERE date BETWEEN ? AND ?
            """;
    static final String COUNT_ALL = "SELECT COUNT(*) FROM price_data";
    static final String DELETE_SYNTHETIC = "DELETE FROM price_data WHERE source = 'synthetic'";
    static final String COVERAGE = """
            SELECT symbol, MIN(date), MAX(date), COUNT(*), MIN(source), MAX(source)
            FROM price_data GROUP BY symbol ORDER BY symbol
            """;
    static final String SUMMARY = """
            SELECT COUNT(DISTINCT symbol), MIN(date), MAX(date), COUNT(*),
                   COALESCE(SUM(CASE WHEN source = 'synthetic' THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN source = 'sample' THEN 1 ELSE 0 END), 0)
            FROM price_data
            """;
    static final String LATEST_COMPLETE_DATE = "SELECT MAX(date) FROM price_data WHERE close IS NOT NULL";
    static final String DATES_FROM_SOURCE = """
            SELECT DISTINCT date FROM price_data WHERE source = ? AND date BETWEEN ? AND ?
            """;
    static final String FIRST_DATES = "SELECT symbol, MIN(date) FROM price_data WHERE symbol IN (%s) GROUP BY symbol";

    /** Receives one stored day's open and close (null while the day is in progress). */
    @FunctionalInterface
    public interface OpenClose {
        void accept(String symbol, LocalDate date, BigDecimal open, BigDecimal close);
    }

    private static final String FAILURE = "Price store failure";

    private final DataSource dataSource;

    @Inject
    public PriceRepository(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or nothing. */
    public <T> T inTransaction(Jdbc.Work<T> work) {
        return Jdbc.inTransaction(dataSource, FAILURE, work);
    }

    /** Writes bars with "the newer import wins"; rows identical to the stored ones are left alone. */
    public StoreCounts persistOrUpdate(Connection c, List<PriceBar> bars) throws SQLException {
        return PriceWrites.write(c, bars, true);
    }

    /**
     * Writes only the bars the store lacks and leaves every stored one alone; {@code replaced} then counts the bars
     * that differ from the stored ones (a run bundle's prices meeting another instance's).
     */
    public StoreCounts persistMissing(Connection c, List<PriceBar> bars) throws SQLException {
        return PriceWrites.write(c, bars, false);
    }

    public int deleteSynthetic(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(DELETE_SYNTHETIC);
        }
    }

    public int deleteSynthetic() {
        return inTransaction(this::deleteSynthetic);
    }

    /** Stores {@code bars} only if the table holds no row at all (checked inside the write transaction). */
    public boolean persistIfEmpty(List<PriceBar> bars) {
        return inTransaction(c -> {
            if (count(c) > 0) {
                return false;
            }
            persistOrUpdate(c, bars);
            return true;
        });
    }

    public long count() {
        return read(this::count);
    }

    public List<SymbolCoverage> listCoverage() {
        return read(c -> {
            List<SymbolCoverage> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(COVERAGE)) {
                while (rs.next()) {
                    String source = rs.getString(5).equals(rs.getString(6)) ? rs.getString(5) : SymbolCoverage.MIXED;
                    rows.add(new SymbolCoverage(rs.getString(1), LocalDate.parse(rs.getString(2)),
                            LocalDate.parse(rs.getString(3)), rs.getLong(4), source));
                }
            }
            return rows;
        });
    }

    public PriceSummary summary() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SUMMARY)) {
                rs.next();
                long rows = rs.getLong(4);
                return new PriceSummary(rs.getInt(1), date(rs.getString(2)), date(rs.getString(3)), rows,
                        rs.getLong(5) > 0, PriceSummary.source(rows, rs.getLong(5), rs.getLong(6)));
            }
        });
    }

    /** The bars of {@code symbols} (all symbols when empty) from {@code from} to {@code to}, by date then symbol. */
    public List<PriceBar> listBars(Collection<String> symbols, LocalDate from, LocalDate to) {
        boolean all = symbols == null || symbols.isEmpty();
        String sql = SELECT_BARS + (all ? "" : " AND symbol IN (" + "?,".repeat(symbols.size() - 1) + "?)")
                + " ORDER BY date, symbol";
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, from.toString());
                ps.setString(2, to.toString());
                int i = 3;
                for (String symbol : all ? List.<String>of() : symbols) {
                    ps.setString(i++, symbol);
                }
                List<PriceBar> bars = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bars.add(StoredRows.bar(rs));
                    }
                }
                return bars;
            }
        });
    }

    /**
     * The opens and closes of {@code symbols} from {@code from} to {@code to}, by date then symbol: the job engine's
     * price snapshot reads only these two of the eight columns, which halves the reading time.
     */
    public void opensAndCloses(Collection<String> symbols, LocalDate from, LocalDate to, OpenClose sink) {
        String sql = SELECT_OPEN_CLOSE + " AND symbol IN (" + "?,".repeat(symbols.size() - 1) + "?)"
                + " ORDER BY date, symbol";
        read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, from.toString());
                ps.setString(2, to.toString());
                int i = 3;
                for (String symbol : symbols) {
                    ps.setString(i++, symbol);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getString(1), LocalDate.parse(rs.getString(2)), StoredRows.decimal(rs, 3),
                                StoredRows.decimal(rs, 4));
                    }
                }
                return null;
            }
        });
    }

    /** The first stored date of each of {@code symbols} that has any row (one index seek per symbol). */
    /** The dates of {@code from}..{@code to} with at least one stored bar from {@code source}. */
    public Set<LocalDate> listDatesFromSource(String source, LocalDate from, LocalDate to) {
        Set<LocalDate> dates = new HashSet<>();
        Jdbc.forEach(dataSource, FAILURE, DATES_FROM_SOURCE, rs -> dates.add(LocalDate.parse(rs.getString(1))), source,
                from.toString(), to.toString());
        return dates;
    }

    public Map<String, LocalDate> firstDates(Collection<String> symbols) {
        Map<String, LocalDate> first = new HashMap<>();
        if (symbols.isEmpty()) {
            return first;
        }
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(FIRST_DATES.formatted("?,".repeat(symbols.size() - 1)
                    + "?"))) {
                int i = 1;
                for (String symbol : symbols) {
                    ps.setString(i++, symbol);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        first.put(rs.getString(1), LocalDate.parse(rs.getString(2)));
                    }
                }
                return first;
            }
        });
    }

    /** The latest date that has a close for at least one symbol. */
    public Optional<LocalDate> findLatestCompleteDate() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(LATEST_COMPLETE_DATE)) {
                return Optional.ofNullable(rs.next() ? date(rs.getString(1)) : null);
            }
        });
    }

    /** The latest date that has a close for at least one of {@code symbols}. */
    public Optional<LocalDate> findLatestCompleteDate(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Optional.empty();
        }
        String sql = LATEST_COMPLETE_DATE + " AND symbol IN (" + "?,".repeat(symbols.size() - 1) + "?)";
        return Jdbc.find(dataSource, FAILURE, sql, rs -> date(rs.getString(1)), symbols.toArray());
    }

    private <T> T read(Jdbc.Work<T> work) {
        return Jdbc.withConnection(dataSource, FAILURE, work);
    }

    /** The number of stored rows, on the caller's connection (inside its transaction). */
    public long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(COUNT_ALL)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
