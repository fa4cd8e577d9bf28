package io.aitrader.results;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;

import io.aitrader.prices.SamplePrices;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/** Real prices in over HTTP for performance and dashboard tests, and how they read decimals. */
public final class PerformanceTestSupport {

    /** The shipped sample's QQQ file (plain Alpha Vantage JSON). */
    public static final String QQQ_FILE = SamplePrices.FILES.get(2);
    /** Decimals as doubles: rest-assured's default floats lose the fourth decimal of large percentages. */
    public static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    private PerformanceTestSupport() {
    }

    /**
     * Imports the sample's real 2025 files in their fixed order (the newer import wins on the overlap). The body goes
     * as a stream: rest-assured takes seconds to send a megabyte array, a fifth of that to stream it.
     */
    public static void importRealPrices() {
        for (String name : SamplePrices.FILES) {
            given().contentType(name.endsWith(".jsonl") ? "application/x-ndjson" : "application/json")
                    .queryParam("name", name).body(new ByteArrayInputStream(SamplePrices.content(name))).when()
                    .post("/prices/import").then().statusCode(200).body("rejected", equalTo(0));
        }
    }
}
