package io.aitrader.prices;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 60-minute bars import from Alpha Vantage's intraday answers (contract 13), beside the daily bars. The files are in
 * the wire forms Alpha Vantage sends: TIME_SERIES_INTRADAY ("Meta Data" "2. Symbol", "4. Interval" 60min, "6. Time
 * Zone" US/Eastern; "Time Series (60min)" rows "YYYY-MM-DD HH:MM:SS" → "1. open" … "5. volume", all strings) and
 * CRYPTO_INTRADAY ("2. Digital Currency Code", "4. Market Code" USD, "9. Time Zone" UTC; "Time Series Crypto
 * (60min)", whose "5. volume" is a JSON number).
 */
@QuarkusTest
class IntradayImportTest {

    static final String AAPL = AlphaVantageBodies.INTRADAY_AAPL;
    static final String ETH = AlphaVantageBodies.INTRADAY_ETH;

    @Inject
    @Storage
    DataSource dataSource;

    @Inject
    IntradayStore store;

    @AfterEach
    void removeTheBars() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM intraday_prices WHERE symbol IN ('AAPL', 'ETH')");
        }
    }

    @Test
    void stockBarsImportByTheirStartAndBadRowsAreRefusedWithAReason() {
        given().contentType("application/json").queryParam("name", "aapl-60min.json").body(AAPL)
                .post("/prices/import").then().statusCode(200).body("inserted", equalTo(3))
                .body("rejected", equalTo(3))
                .body("rejects.find { it.date == '2025-03-04 09:30:00' }.reason",
                        containsString("bars start on the hour"))
                .body("rejects.find { it.date == '2025-03-08 10:00:00' }.reason", containsString("not a trading day"))
                .body("rejects.find { it.date == '2025-03-05 11:00:00' }.reason", containsString("must be positive"));
        List<IntradayBar> bars = store.bars(List.of("AAPL"), LocalDate.of(2025, 3, 4), LocalDate.of(2025, 3, 4));
        assertEquals(List.of(LocalDateTime.of(2025, 3, 4, 9, 0), LocalDateTime.of(2025, 3, 4, 10, 0),
                LocalDateTime.of(2025, 3, 4, 15, 0)), bars.stream().map(IntradayBar::start).toList());
        IntradayBar nine = bars.get(0);
        assertEquals(0, new BigDecimal("234.50").compareTo(nine.open()));
        assertEquals(0, new BigDecimal("229.50").compareTo(nine.low()));
        assertEquals(0, new BigDecimal("233.99").compareTo(nine.close()));
        assertEquals(9_034_527L, nine.volume());
        assertEquals(PriceBar.SOURCE_FILE, nine.source());
        given().get("/prices/coverage/intraday").then().statusCode(200)
                .body("coverage.find { it.symbol == 'AAPL' }.first_bar", equalTo("2025-03-04T09:00"))
                .body("coverage.find { it.symbol == 'AAPL' }.last_bar", equalTo("2025-03-04T15:00"))
                .body("coverage.find { it.symbol == 'AAPL' }.bars", equalTo(3))
                .body("coverage.find { it.symbol == 'AAPL' }.source", equalTo("file"));

        given().contentType("application/json").queryParam("name", "aapl-60min-again.json").body(AAPL)
                .post("/prices/import").then().statusCode(200).body("inserted", equalTo(0))
                .body("unchanged", equalTo(3));
        String changed = AAPL.replace("\"4. close\": \"235.9300\"", "\"4. close\": \"236.0000\"");
        given().contentType("application/json").queryParam("name", "aapl-60min-newer.json").body(changed)
                .post("/prices/import").then().statusCode(200).body("replaced", equalTo(1))
                .body("unchanged", equalTo(2));
        assertEquals(0, new BigDecimal("236.00").compareTo(store.bars(List.of("AAPL"), LocalDate.of(2025, 3, 4),
                LocalDate.of(2025, 3, 4)).get(2).close()), "the newer import wins");
    }

    @Test
    void coinBarsKeepTheirDecimalsAndWholeCoinVolumes() {
        given().contentType("application/json").queryParam("name", "eth-60min.json").body(ETH)
                .post("/prices/import").then().statusCode(200).body("symbols", equalTo(1))
                .body("inserted", equalTo(2)).body("rejected", equalTo(0));
        List<IntradayBar> bars = store.bars(List.of("ETH"), LocalDate.of(2025, 3, 9), LocalDate.of(2025, 3, 9));
        assertEquals(2, bars.size());
        assertEquals(LocalDateTime.of(2025, 3, 9, 0, 0), bars.get(0).start(), "a Sunday, in UTC");
        assertEquals(203L, bars.get(0).volume(), "203.75 coins, kept in whole coins");
        assertEquals(0, new BigDecimal("2158.75").compareTo(bars.get(1).close()));
    }

    @Test
    void otherIntervalsZonesMarketsAndErrorAnswersAreRefusedAsAWhole() {
        String fiveMinutes = AAPL.replace("Time Series (60min)", "Time Series (5min)");
        given().contentType("application/json").queryParam("name", "aapl-5min.json").body(fiveMinutes)
                .post("/prices/import").then().statusCode(400).body("error", equalTo("invalid_price_file"))
                .body("message", containsString("Only 60-minute intraday bars"));
        given().contentType("application/json").queryParam("name", "aapl-utc.json")
                .body(AAPL.replace("\"US/Eastern\"", "\"UTC\"")).post("/prices/import").then().statusCode(400)
                .body("message", containsString("US/Eastern"));
        given().contentType("application/json").queryParam("name", "shh-60min.json")
                .body(AAPL.replace("\"AAPL\"", "\"600519.SHH\"")).post("/prices/import").then().statusCode(400)
                .body("message", containsString("Shanghai symbols trade daily only"));
        given().contentType("application/json").queryParam("name", "eth-usdt.json")
                .body(ETH.replace("\"4. Market Code\": \"USD\"", "\"4. Market Code\": \"USDT\""))
                .post("/prices/import").then().statusCode(400).body("message", containsString("quoted in USD"));
        assertEquals(List.of(), store.bars(List.of("AAPL", "ETH", "600519.SHH"), LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 31)), "nothing of a refused file is stored");
    }
}
