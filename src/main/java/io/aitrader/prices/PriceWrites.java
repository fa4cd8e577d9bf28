package io.aitrader.prices;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Writes price bars for {@link PriceRepository}: only those that differ from the stored rows, in batches. */
final class PriceWrites {

    private PriceWrites() {
    }

    /** {@code replace}: a differing stored row takes the bar's values; else it stays and is only counted. */
    static StoreCounts write(Connection c, List<PriceBar> bars, boolean replace) throws SQLException {
        if (bars.isEmpty()) {
            return new StoreCounts(0, 0, 0);
        }
        var existing = StoredRows.load(c, bars);
        int inserted = 0;
        int replaced = 0;
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try (PreparedStatement ps = c.prepareStatement(PriceRepository.UPSERT)) {
            int pending = 0;
            for (PriceBar bar : bars) {
                PriceBar stored = existing.get(StoredRows.key(bar.symbol(), bar.date()));
                if (stored != null && StoredRows.sameValues(stored, bar)) {
                    continue;
                }
                if (stored == null) {
                    inserted++;
                } else {
                    replaced++;
                    if (!replace) {
                        continue;
                    }
                }
                bind(ps, bar, now);
                ps.addBatch();
                if (++pending % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return new StoreCounts(inserted, replaced, bars.size() - inserted - replaced);
    }

    private static void bind(PreparedStatement ps, PriceBar bar, String now) throws SQLException {
        ps.setString(1, bar.symbol());
        ps.setString(2, bar.date().toString());
        ps.setDouble(3, bar.open().doubleValue());
        setDecimal(ps, 4, bar.high());
        setDecimal(ps, 5, bar.low());
        setDecimal(ps, 6, bar.close());
        setVolume(ps, 7, bar.volume());
        ps.setString(8, bar.source());
        ps.setString(9, now);
    }

    static void setVolume(PreparedStatement ps, int index, Long volume) throws SQLException {
        if (volume == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, volume);
        }
    }

    static void setDecimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, value.doubleValue());
        }
    }
}
