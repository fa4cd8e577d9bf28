package io.aitrader.prices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;

/**
 * The intraday_prices table (contract 13): 60-minute bars by symbol and start, beside price_data. Writes follow the
 * daily rule, "the newer import wins", and leave identical rows alone.
 */
@ApplicationScoped
public class IntradayStore {

    private static final String FAILURE = "Price store failure";
    private static final String UPSERT = """
            INSERT INTO intraday_prices (symbol, bar_start, date, open, high, low, close, volume, source, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (symbol, bar_start) DO UPDATE SET open = excluded.open, high = excluded.high,
                low = excluded.low, close = excluded.close, volume = excluded.volume,
                source = excluded.source, imported_at = excluded.imported_at
            """;
    private static final String SELECT = """
            SELECT symbol, bar_start, open, high, low, close, volume, source FROM intraday_prices
            WHERE date BETWEEN ? AND ? ORDER BY bar_start, symbol
            """;

    private static final String COVERAGE = """
            SELECT symbol, MIN(bar_start), MAX(bar_start), COUNT(*), MIN(source), MAX(source) FROM intraday_prices
            GROUP BY symbol ORDER BY symbol
            """;

    private final DataSource dataSource;

    @Inject
    public IntradayStore(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The bars of {@code symbols} on the trading dates {@code from} to {@code to}, in time order. */
    public List<IntradayBar> bars(Collection<String> symbols, LocalDate from, LocalDate to) {
        Set<String> wanted = Set.copyOf(symbols);
        return Jdbc.withConnection(dataSource, FAILURE, c -> load(c, from, to).stream()
                .filter(bar -> wanted.contains(bar.symbol())).toList());
    }

    /** Every symbol's stored bars in brief, by symbol. */
    public List<IntradayCoverage> coverage() {
        return Jdbc.list(dataSource, FAILURE, COVERAGE, rs -> new IntradayCoverage(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getLong(4),
                rs.getString(5).equals(rs.getString(6)) ? rs.getString(5) : SymbolCoverage.MIXED));
    }

    /** Writes {@code bars} on the caller's transaction; counts as the daily writes do. */
    StoreCounts write(Connection c, List<IntradayBar> bars) throws SQLException {
        if (bars.isEmpty()) {
            return new StoreCounts(0, 0, 0);
        }
        LocalDate first = bars.stream().map(IntradayBar::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = bars.stream().map(IntradayBar::date).max(LocalDate::compareTo).orElseThrow();
        Map<String, IntradayBar> stored = new HashMap<>();
        load(c, first, last).forEach(bar -> stored.put(bar.symbol() + '|' + bar.start(), bar));
        int inserted = 0;
        int replaced = 0;
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (IntradayBar bar : bars) {
                IntradayBar before = stored.get(bar.symbol() + '|' + bar.start());
                if (before != null && same(before, bar)) {
                    continue;
                }
                if (before == null) {
                    inserted++;
                } else {
                    replaced++;
                }
                bind(ps, bar, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return new StoreCounts(inserted, replaced, bars.size() - inserted - replaced);
    }

    private static List<IntradayBar> load(Connection c, LocalDate from, LocalDate to) throws SQLException {
        List<IntradayBar> bars = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, from.toString());
            ps.setString(2, to.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long volume = rs.getLong(7);
                    Long shares = rs.wasNull() ? null : volume;
                    bars.add(new IntradayBar(rs.getString(1), LocalDateTime.parse(rs.getString(2)),
                            StoredRows.decimal(rs, 3), StoredRows.decimal(rs, 4), StoredRows.decimal(rs, 5),
                            StoredRows.decimal(rs, 6), shares, rs.getString(8)));
                }
            }
        }
        return bars;
    }

    private static boolean same(IntradayBar a, IntradayBar b) {
        return StoredRows.same(a.open(), b.open()) && StoredRows.same(a.high(), b.high())
                && StoredRows.same(a.low(), b.low()) && StoredRows.same(a.close(), b.close())
                && Objects.equals(a.volume(), b.volume()) && a.source().equals(b.source());
    }

    private static void bind(PreparedStatement ps, IntradayBar bar, String now) throws SQLException {
        ps.setString(1, bar.symbol());
        ps.setString(2, bar.start().toString());
        ps.setString(3, bar.date().toString());
        ps.setDouble(4, bar.open().doubleValue());
        PriceWrites.setDecimal(ps, 5, bar.high());
        PriceWrites.setDecimal(ps, 6, bar.low());
        PriceWrites.setDecimal(ps, 7, bar.close());
        PriceWrites.setVolume(ps, 8, bar.volume());
        ps.setString(9, bar.source());
        ps.setString(10, now);
    }
}
