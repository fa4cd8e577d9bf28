package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.aitrader.prices.FakeAlphaVantage;
import io.aitrader.testing.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A crypto job over a weekend (contract 12): its coins are downloaded as DIGITAL_CURRENCY_DAILY in USD (the
 * stand-in answers in that wire form: "Time Series (Digital Currency Daily)", "2. Digital Currency Code"), and
 * Saturday and Sunday are trading days.
 */
@QuarkusTest
@TestProfile(AlphaVantageProfile.class)
class CryptoDownloadJobTest {

    FakeAlphaVantage alphaVantage;

    @Inject
    @Storage
    DataSource dataSource;

    static String coin(String symbol, double level) {
        StringBuilder days = new StringBuilder();
        for (int d = 20; d >= 1; d--) { // newest first, as Alpha Vantage lists them
            double open = level + d;
            days.append(days.isEmpty() ? "" : ",")
                    .append("\"2025-03-%02d\": {\"1. open\": \"%.8f\", \"2. high\": \"%.8f\","
                            .formatted(d, open, open + 5))
                    .append(" \"3. low\": \"%.8f\", \"4. close\": \"%.8f\", \"5. volume\": \"12.345\"}"
                            .formatted(open - 5, open + 1));
        }
        return "{\"Meta Data\": {\"1. Information\": \"Daily Prices and Volumes for Digital Currency\", "
                + "\"2. Digital Currency Code\": \"" + symbol + "\", \"4. Market Code\": \"USD\", "
                + "\"7. Time Zone\": \"UTC\"}, \"Time Series (Digital Currency Daily)\": {" + days + "}}";
    }

    @Test
    void coinsTradeOnTheWeekendOnPricesDownloadedAsDigitalCurrencyDaily() throws Exception {
        Jobs.awaitIdle();
        alphaVantage.reset();
        alphaVantage.ok("BTC", coin("BTC", 80_000)).ok("ETH", coin("ETH", 2_000));
        try {
            JsonPath status = awaitEnd(trigger(Map.of("config_path", "configs/crypto_download.json", "start_date",
                    "2025-03-15", "end_date", "2025-03-16", "replace_existing", true)).then().statusCode(202)
                    .extract().path("job_id"));
            assertEquals("completed", status.getString("status"), status::prettify);
            assertEquals(List.of("2025-03-15", "2025-03-16"), status.getList("date_range"), "a Saturday and a Sunday");
            assertEquals(2, status.getInt("progress.completed"));
            assertEquals(List.of("BTC", "ETH"), alphaVantage.symbolsAsked());
            assertEquals(List.of("DIGITAL_CURRENCY_DAILY", "DIGITAL_CURRENCY_DAILY"), alphaVantage.functionsAsked());
            JsonPath day = given().queryParam("date", "2025-03-16").queryParam("model", "crypto-download-mock")
                    .queryParam("detail", "full").get("/results").then().statusCode(200).extract().jsonPath();
            assertEquals("crypto", day.getString("results[0].market"));
            assertEquals("USD", day.getString("results[0].currency"));
        } finally {
            alphaVantage.reset();
            Jobs.awaitIdle();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM price_data"); // the profile's other tests start from an empty store
            }
        }
    }
}
