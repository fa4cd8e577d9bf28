package io.aitrader.prices;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PriceImportRulesTest {

    private static final Logger LOG = Logger.getLogger(PriceImportRulesTest.class);

    @Inject
    @Storage
    DataSource dataSource;

    @Inject
    PriceRepository repository;

    @Inject
    PriceStartup startup;

    @BeforeEach
    void ownThePriceTable() {
        PriceTestData.clearPrices(dataSource);
    }

    @Test
    void syntheticPricesAreSeededOnlyIntoAnEmptyStoreAndRemovedByTheFirstRealImport() {
        List<String> universe = IntStream.range(0, 101).mapToObj(i -> "SYN" + i)
                .collect(Collectors.toCollection(ArrayList::new));
        universe.add("QQQ");
        long start = System.nanoTime();
        assertTrue(startup.seedSyntheticIfEmpty(universe));
        LOG.infof("Seeded 102 x 250 synthetic rows in %d ms", (System.nanoTime() - start) / 1_000_000);
        assertEquals(102L * 250, repository.count());
        assertEquals(false, startup.seedSyntheticIfEmpty(universe), "never seeds a store that has rows");
        given().get("/prices/coverage").then().statusCode(200).body("synthetic", equalTo(true))
                .body("symbols", equalTo(102)).body("coverage[0].source", equalTo("synthetic"))
                .body("coverage[0].rows", equalTo(250)).body("coverage[0].first_date", equalTo("2025-01-02"))
                .body("coverage[0].last_date", equalTo("2025-12-31"));
        assertTrue(repository.summary().synthetic());

        String file = PriceTestData.line("AAPL", "real", "2025-10-28", "268.99", "2025-10-29", "269.28");
        given().contentType("application/x-ndjson").body(bytes(file)).post("/prices/import").then().statusCode(200)
                .body("inserted", equalTo(2)).body("synthetic_removed", equalTo(102 * 250));
        assertEquals(2L, repository.count());
        given().get("/prices/coverage").then().body("synthetic", equalTo(false)).body("symbols", equalTo(1));
        PriceSummary summary = repository.summary();
        assertEquals(new PriceSummary(1, LocalDate.of(2025, 10, 28), LocalDate.of(2025, 10, 29), 2, false,
                "imported"), summary);
        given().get("/prices/coverage").then().body("source", equalTo("imported"));
    }

    @Test
    void anEmptyStoreGetsTheShippedSampleAndSyntheticDaysAfterIt() {
        assertTrue(startup.seedSampleIfEmpty());
        // 102 symbols on 208 distinct real days (2025-01-02..10-30; QQQ, absent from the second file, comes from the
        // third), then 42 synthetic trading days 2025-10-31..12-31 (Oct 31; November's 20 weekdays less Thanksgiving;
        // December's 23 less Christmas) continuing each symbol.
        assertEquals(102L * 208 + 102L * 42, repository.count());
        assertEquals(false, startup.seedSampleIfEmpty(), "never seeds a store that has rows");
        given().get("/health").then().statusCode(200).body("price_data.source", equalTo("sample"))
                .body("price_data.first_date", equalTo("2025-01-02"))
                .body("price_data.last_date", equalTo("2025-12-31"));
        given().get("/prices/coverage").then().statusCode(200).body("source", equalTo("sample"))
                .body("symbols", equalTo(102));

        PriceBar lastReal = bar("AAPL", LocalDate.of(2025, 10, 30));
        assertEquals(new BigDecimal("271.9900"), lastReal.open(), "the real open-only last day of the sample");
        assertNull(lastReal.close());
        assertEquals(PriceBar.SOURCE_SAMPLE, lastReal.source());
        PriceBar firstSynthetic = bar("AAPL", LocalDate.of(2025, 10, 31));
        assertEquals(PriceBar.SOURCE_SYNTHETIC, firstSynthetic.source());
        double gap = firstSynthetic.open().doubleValue() / 271.99 - 1;
        assertTrue(Math.abs(gap) < 0.10, "the synthetic days continue from the real level: " + firstSynthetic);
        PriceBar early = bar("QQQ", LocalDate.of(2025, 1, 2));
        assertEquals(PriceBar.SOURCE_SAMPLE, early.source());
    }

    private PriceBar bar(String symbol, LocalDate date) {
        return repository.listBars(List.of(symbol), date, date).get(0);
    }

    @Test
    void malformedFilesAre400AndImportNothing() {
        String good = PriceTestData.line("AAA", "ok", "2025-10-28", "10");
        given().contentType("application/x-ndjson").body(bytes(good)).post("/prices/import").then().statusCode(200);
        long before = repository.count();
        String valid = PriceTestData.line("BBB", "ok", "2025-10-28", "10");
        List<String> broken = List.of(
                "this is not json",
                valid + "{\"Meta Data\": {\"2. Symbol\": \"CCC\"}, \"Time Series (Daily)\": {\"2025-10-28\": {\"1. b\n"
                        + valid,
                valid + "{\"Meta Data\": {\"2. Symbol\": \"CCC\"}}\n",
                valid + "{\"Meta Data\": {}, \"Time Series (Daily)\": {\"2025-10-28\": {\"1. open\": \"1\"}}}\n",
                "[]");
        for (String body : broken) {
            given().contentType("application/x-ndjson").body(bytes(body)).post("/prices/import").then().statusCode(400)
                    .body("error", equalTo("invalid_price_file")).body("message", notNullValue());
        }
        given().contentType("application/x-ndjson").body(bytes(broken.get(1))).post("/prices/import").then()
                .body("details.line", equalTo(2)).body("details.column", notNullValue());
        given().contentType("application/json").body(new byte[0]).post("/prices/import").then().statusCode(400)
                .body("error", equalTo("invalid_price_file"));
        given().contentType("application/json").post("/prices/import").then().statusCode(400)
                .body("error", equalTo("invalid_price_file"));
        assertEquals(before, repository.count());
        assertEquals(List.of(), repository.listBars(List.of("BBB", "CCC"), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31)));
    }

    @Test
    void everyAcceptedMediaTypeAndTheNameParameter() {
        List<String> dates = List.of("2025-10-27", "2025-10-28", "2025-10-29", "2025-10-30");
        int day = 0;
        for (String type : List.of("application/json", "application/x-ndjson", "application/octet-stream",
                "text/plain", "application/x-www-form-urlencoded")) {
            String body = PriceTestData.line("MT" + day, "types", dates.get(day % dates.size()), "5");
            var request = given().contentType(type).queryParam("name", "file-" + day);
            // rest-assured cannot send raw bytes as a form: curl's default type is sent as text.
            (type.endsWith("urlencoded") ? request.body(body) : request.body(bytes(body))).post("/prices/import").then()
                    .statusCode(200).body("file", equalTo("file-" + day))
                    .body("inserted", equalTo(1));
            day++;
        }
        given().contentType("application/json").body(bytes(PriceTestData.line("ZZZ", "x", "2025-10-27", "1")))
                .post("/prices/import").then().statusCode(200).body("file", equalTo("upload"));
    }

    @Test
    void rejectedRowsAreCountedAndListedUpToOneHundred() {
        StringBuilder days = new StringBuilder("\"2025-10-27\": {\"1. buy price\": \"7\"}");
        for (int i = 0; i < 150; i++) {
            days.append(", \"2025-10-").append(String.format("%02d", i % 28 + 1)).append("x").append(i)
                    .append("\": {\"1. buy price\": \"7\"}");
        }
        String body = "{\"Meta Data\": {\"2. Symbol\": \"REJ\"}, \"Time Series (Daily)\": {" + days + "}}";
        given().contentType("application/json").body(bytes(body)).post("/prices/import").then().statusCode(200)
                .body("inserted", equalTo(1)).body("rejected", equalTo(150)).body("rejects", hasSize(100))
                .body("rejects[0].symbol", equalTo("REJ")).body("rejects[0].date", equalTo("2025-10-01x0"))
                .body("rejects[0].reason", equalTo("date is not a valid YYYY-MM-DD date"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void openApiDescribesThePriceEndpoints() {
        given().get("/openapi.json?format=json").then().statusCode(200)
                .body("paths.'/prices/import'.post.responses.'400'", notNullValue())
                .body("paths.'/prices/coverage'.get.tags[0]", equalTo("Prices"));
    }
}
