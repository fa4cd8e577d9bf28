package io.aitrader.prices;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Row mapping for price_data, and the stored rows an upsert compares against. */
final class StoredRows {

    private static final int MIN_SCALE = 4;

    private StoredRows() {
    }

    static String key(String symbol, LocalDate date) {
        return symbol + '|' + date;
    }

    /** The stored rows sharing a symbol and the date range of {@code bars}, keyed by {@link #key}. */
    static Map<String, PriceBar> load(Connection c, List<PriceBar> bars) throws SQLException {
        Set<String> symbols = new HashSet<>();
        LocalDate first = bars.get(0).date();
        LocalDate last = first;
        for (PriceBar bar : bars) {
            symbols.add(bar.symbol());
            first = bar.date().isBefore(first) ? bar.date() : first;
            last = bar.date().isAfter(last) ? bar.date() : last;
        }
        Map<String, PriceBar> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(PriceRepository.SELECT_BARS)) {
            ps.setString(1, first.toString());
            ps.setString(2, last.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (symbols.contains(rs.getString(1))) {
                        PriceBar bar = bar(rs);
                        stored.put(key(bar.symbol(), bar.date()), bar);
                    }
                }
            }
        }
        return stored;
    }

    /** Same prices (as stored: doubles), volume and source. */
    static boolean sameValues(PriceBar stored, PriceBar incoming) {
        return same(stored.open(), incoming.open()) && same(stored.high(), incoming.high())
                && same(stored.low(), incoming.low()) && same(stored.close(), incoming.close())
                && Objects.equals(stored.volume(), incoming.volume())
                && Objects.equals(stored.source(), incoming.source());
    }

    /** Maps a row of symbol, date, open, high, low, close, volume, source. */
    static PriceBar bar(ResultSet rs) throws SQLException {
        BigDecimal open = decimal(rs, 3);
        BigDecimal high = decimal(rs, 4);
        BigDecimal low = decimal(rs, 5);
        BigDecimal close = decimal(rs, 6);
        long volume = rs.getLong(7);
        Long shares = rs.wasNull() ? null : volume;
        return new PriceBar(rs.getString(1), LocalDate.parse(rs.getString(2)), open, high, low, close, shares,
                rs.getString(8));
    }

    /** Equal as stored (doubles), or both absent. */
    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.doubleValue() == b.doubleValue();
    }

    static BigDecimal decimal(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        if (rs.wasNull()) {
            return null;
        }
        BigDecimal decimal = BigDecimal.valueOf(value);
        return decimal.scale() < MIN_SCALE ? decimal.setScale(MIN_SCALE) : decimal;
    }
}
