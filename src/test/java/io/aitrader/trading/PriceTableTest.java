package io.aitrader.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.aitrader.prices.PriceBar;

class PriceTableTest {

    static final LocalDate D1 = LocalDate.of(2025, 10, 1);
    static final LocalDate D2 = LocalDate.of(2025, 10, 2);
    static final LocalDate D3 = LocalDate.of(2025, 10, 3);

    static Optional<BigDecimal> price(String value) {
        return Optional.of(new BigDecimal(value));
    }

    @Test
    void lastKnownPrefersCloseThenOpenThenEarlierDays() {
        PriceTable table = PriceTable.builder()
                .add("AAPL", D1, new BigDecimal("10.00"), new BigDecimal("11.00"))
                .add("AAPL", D3, new BigDecimal("12.00"), null)
                .build();

        assertEquals(price("11.00"), table.lastKnown("AAPL", D1));
        assertEquals(price("11.00"), table.lastKnown("AAPL", D2));
        assertEquals(price("12.00"), table.lastKnown("AAPL", D3));
        assertEquals(price("12.00"), table.lastKnown("AAPL", D3.plusYears(1)));
        assertEquals(Optional.empty(), table.lastKnown("AAPL", D1.minusDays(1)));
        assertEquals(Optional.empty(), table.lastKnown("MSFT", D3));
    }

    @Test
    void openAndCloseAreForTheExactDay() {
        PriceTable table = PriceTable.builder().add("AAPL", D3, new BigDecimal("12.00"), null).build();

        assertEquals(price("12.00"), table.open("aapl", D3));
        assertEquals(Optional.empty(), table.close("AAPL", D3));
        assertEquals(Optional.empty(), table.open("AAPL", D2));
        assertEquals(Optional.empty(), table.open(null, D2));
    }

    @Test
    void buildsFromPriceBarsAndIsImmutable() {
        PriceTable.Builder builder = PriceTable.builder();
        builder.add(new PriceBar("nvda", D1, new BigDecimal("1.5"), null, null, new BigDecimal("1.75"), 10L,
                PriceBar.SOURCE_FILE));
        PriceTable table = builder.build();
        builder.add("NVDA", D1, new BigDecimal("99"), null);

        assertEquals(price("1.5"), table.open("NVDA", D1));
        assertEquals(price("1.75"), table.close("NVDA", D1));
        assertEquals(Set.of("NVDA"), table.symbols());
        assertThrows(UnsupportedOperationException.class, () -> table.symbols().add("X"));
        assertEquals(price("99"), builder.build().open("NVDA", D1));
        assertEquals(price("2"), PriceTable.of(List.of(new PriceBar("A", D2, new BigDecimal("2"), null, null, null,
                null, PriceBar.SOURCE_SYNTHETIC))).lastKnown("A", D3));
    }
}
