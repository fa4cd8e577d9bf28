package io.aitrader.prices;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(102L * 250, repository.countAll());
        assertEquals(false, startup.seedSyntheticIfEmpty(universe), "never seeds a store that has rows");
        given().get("/prices/coverage").then().statusCode(200).body("synthetic", equalTo(true))
                .body("symbols", equalTo(102)).body("coverage[0].source", equalTo("synthetic"))
                .body("coverage[0].rows", equalTo(250)).body("coverage[0].first_date", equalTo("2025-01-02"))
                .body("coverage[0].last_date", equalTo("2025-12-31"));
        assertTrue(repository.summary().synthetic());

        String file = PriceTestData.line("AAPL", "real", "2025-10-28", "268.99", "2025-10-29", "269.28");
        given().contentType("application/x-ndjson").body(bytes(file)).post("/prices/import").then().statusCode(200)
                .body("inserted", equalTo(2)).body("synthetic_removed", equalTo(102 * 250));
        assertEquals(2L, repository.countAll());
        given().get("/prices/coverage").then().body("synthetic", equalTo(false)).body("symbols", equalTo(1));
        PriceSummary summary = repository.summary();
        assertEquals(new PriceSummary(1, LocalDate.of(2025, 10, 28), LocalDate.of(2025, 10, 29), 2, false),
                summary);
    }

    @Test
    void malformedFilesAre400AndImportNothing() {
        String good = PriceTestData.line("AAA", "ok", "2025-10-28", "10");
        given().contentType("application/x-ndjson").body(bytes(good)).post("/prices/import").then().statusCode(200);
        long before = repository.countAll();
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
        assertEquals(before, repository.countAll());
        assertEquals(List.of(), repository.bars(List.of("BBB", "CCC"), LocalDate.of(2025, 1, 1),
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
