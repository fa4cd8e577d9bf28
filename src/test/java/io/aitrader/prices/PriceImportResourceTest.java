package io.aitrader.prices;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class PriceImportResourceTest {

    private static final Logger LOG = Logger.getLogger(PriceImportResourceTest.class);
    private static final String FIRST = SamplePrices.FILES.get(0);
    private static final String SECOND = SamplePrices.FILES.get(1);
    private static final String QQQ = SamplePrices.FILES.get(2);
    private static final LocalDate JUNE_10 = LocalDate.of(2025, 6, 10);
    private static final LocalDate OCT_30 = LocalDate.of(2025, 10, 30);

    @Inject
    @Storage
    DataSource dataSource;

    @Inject
    PriceRepository repository;

    @BeforeEach
    void ownThePriceTable() {
        PriceTestData.clearPrices(dataSource);
    }

    /** The body goes as a stream: rest-assured takes seconds to send a megabyte array, a fifth of that to stream it. */
    private ValidatableResponse post(String contentType, byte[] body, String name) {
        return given().contentType(contentType).queryParam("name", name).body(new ByteArrayInputStream(body)).when()
                .post("/prices/import").then();
    }

    private ValidatableResponse importShared(String name, String contentType) throws Exception {
        byte[] content = SamplePrices.content(name);
        long start = System.nanoTime();
        ValidatableResponse response = post(contentType, content, name).statusCode(200);
        LOG.infof("POST /prices/import of %s (%d KB) took %d ms", name, content.length / 1024,
                (System.nanoTime() - start) / 1_000_000);
        return response.body("file", equalTo(name)).body("rejected", equalTo(0)).body("synthetic_removed",
                equalTo(0));
    }

    @Test
    void aBackfillWithoutAnyProviderKeyIsRefused() {
        io.restassured.RestAssured.given().contentType("application/json")
                .body("{\"start_date\": \"2025-01-02\", \"end_date\": \"2025-01-31\"}").post("/prices/backfill")
                .then().statusCode(400).body("error", equalTo("no_price_provider"))
                .body("message", org.hamcrest.Matchers.containsString("MASSIVE_API_KEY"));
    }

    @Test
    void sampleFilesImportWithTheNewerImportWinning() throws Exception {
        importShared(FIRST, "application/x-ndjson").body("symbols", equalTo(102))
                .body("inserted", equalTo(102 * 121)).body("replaced", equalTo(0)).body("unchanged", equalTo(0));
        assertEquals(102L * 121, repository.count());
        reimportChangesNothing(FIRST, 102 * 121);

        // 13 overlapping trading days (06-10..06-27 without Juneteenth) for 101 symbols.
        ExtractableResponse<Response> second = importShared(SECOND, "application/x-ndjson")
                .body("symbols", equalTo(101)).body("inserted", equalTo(101 * 87)).extract();
        int replaced = second.path("replaced");
        int unchanged = second.path("unchanged");
        assertTrue(replaced > 1000, "the adjusted first-file rows were replaced: " + replaced);
        assertEquals(101 * 13, replaced + unchanged);
        reimportChangesNothing(SECOND, 101 * 100);
        PriceBar aapl = bar("AAPL", JUNE_10);
        assertEquals(new BigDecimal("200.6000"), aapl.open(), "the second file's value replaced the first's");
        assertEquals(new BigDecimal("202.6700"), aapl.close());
        assertEquals(54672608L, aapl.volume());
        PriceBar openOnly = bar("AAPL", OCT_30);
        assertEquals(new BigDecimal("271.9900"), openOnly.open());
        assertNull(openOnly.close());
        assertNull(openOnly.high());
        assertNull(openOnly.volume());

        importShared(QQQ, "application/json").body("symbols", equalTo(1))
                .body("inserted", equalTo(87)).body("replaced", equalTo(13));
        reimportChangesNothing(QQQ, 100);
        assertEquals(new BigDecimal("531.1700"), bar("QQQ", JUNE_10).open());
        assertEquals(new BigDecimal("626.0500"), bar("QQQ", OCT_30).close());
        assertEquals(102L * 208, repository.count());

        given().get("/prices/coverage").then().statusCode(200).body("symbols", equalTo(102))
                .body("synthetic", equalTo(false)).body("coverage", hasSize(102))
                .body("coverage.rows", everyItem(equalTo(208)))
                .body("coverage.first_date", everyItem(equalTo("2025-01-02")))
                .body("coverage.last_date", everyItem(equalTo("2025-10-30")))
                .body("coverage.source", everyItem(equalTo("file")));
        // 208 rows per symbol inside a range of 208 trading days: every symbol has every date.
        assertEquals(208, new TradingCalendar().tradingDays(LocalDate.of(2025, 1, 2), OCT_30).size());
    }

    /** Importing the file just imported again is a no-op: every row is unchanged. */
    private void reimportChangesNothing(String name, int rows) throws Exception {
        long before = repository.count();
        importShared(name, "application/octet-stream").body("inserted", equalTo(0)).body("replaced", equalTo(0))
                .body("unchanged", equalTo(rows));
        assertEquals(before, repository.count());
    }

    private PriceBar bar(String symbol, LocalDate date) {
        List<PriceBar> bars = repository.listBars(List.of(symbol), date, date);
        assertEquals(1, bars.size(), symbol + " " + date);
        return bars.get(0);
    }
}
