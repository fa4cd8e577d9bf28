package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.aitrader.testing.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A Shanghai job offline (contract 12: a synthetic fallback per market): no .SHH prices and no key, so the job's
 * preparation generates synthetic prices for its symbols on the SSE calendar, says so, and the days run.
 */
@QuarkusTest
@TestProfile(OfflineMarketProfile.class)
class OfflineMarketJobTest {

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void aMarketWithoutPricesRunsOnSyntheticOnesOnItsOwnCalendar() throws Exception {
        deleteShanghaiPrices(); // an earlier run's
        try {
            runsOnSynthetic();
        } finally {
            deleteShanghaiPrices(); // under PostgreSQL the store is every test's: leave no synthetic rows behind
        }
    }

    private void deleteShanghaiPrices() throws Exception {
        Jobs.awaitIdle();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM price_data WHERE symbol LIKE '%.SHH'");
        }
    }

    private void runsOnSynthetic() {
        JsonPath status = awaitEnd(trigger(Map.of("config_path", "configs/cn_offline.json", "start_date",
                "2025-09-29", "end_date", "2025-10-10", "replace_existing", true)).then().statusCode(202).extract()
                .path("job_id"));
        assertEquals("completed", status.getString("status"), status::prettify);
        assertEquals(List.of("2025-09-29", "2025-09-30", "2025-10-09", "2025-10-10"), status.getList("date_range"));
        assertEquals(4, status.getInt("progress.completed"));
        List<String> warnings = status.getList("warnings");
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("No cn prices stored and no price provider key:"
                + " generated ") && w.contains("SYNTHETIC")), warnings.toString());

        List<Map<String, Object>> cn = given().queryParam("market", "cn").get("/prices/coverage").then()
                .statusCode(200).extract().path("coverage");
        assertEquals(List.of("510050.SHH", "600900.SHH", "601398.SHH"),
                cn.stream().map(c -> c.get("symbol")).sorted().toList());
        for (Map<String, Object> symbol : cn) {
            assertEquals("synthetic", symbol.get("source"), symbol.toString());
            assertEquals("2025-01-02", symbol.get("first_date"), "the SSE's first trading day of 2025");
            assertEquals(243, ((Number) symbol.get("rows")).intValue(), "one bar a day the SSE traded in 2025");
        }
        JsonPath day = given().queryParam("date", "2025-10-09").queryParam("model", "cn-offline-mock")
                .queryParam("detail", "full").get("/results").then().statusCode(200).extract().jsonPath();
        assertEquals("cn", day.getString("results[0].market"));
    }
}
