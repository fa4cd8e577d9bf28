package io.aitrader.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.aitrader.results.CostViewTest;
import io.aitrader.testing.CostRows;
import io.quarkus.test.junit.QuarkusTest;

/** The leaderboard's Cost column: USD to six decimals, "$0.00" for a free model, "unknown" when a day's cost is. */
@QuarkusTest
class DashboardCostTest {

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void theLeaderboardShowsWhatEachModelCost() throws SQLException {
        CostViewTest.seedResults(new CostRows(dataSource), "cost-dash-" + UUID.randomUUID());
        String html = given().queryParam("start_date", CostViewTest.D1.toString())
                .queryParam("end_date", CostViewTest.D3.toString()).when().get("/dashboard/fragments/performance")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains(">Cost</th>"), "the column has a heading");
        assertCost(html, CostViewTest.PRICED, "$0.012348");
        assertCost(html, CostViewTest.FREE, "$0.00");
        assertCost(html, CostViewTest.UNKNOWN, "unknown");
    }

    private static void assertCost(String html, String model, String shown) {
        Pattern cell = Pattern.compile("<tr class=\"model-row\" data-model=\"" + Pattern.quote(model)
                + "\">.*?<td class=\"num cost\" title=\"[^\"]*\">" + Pattern.quote(shown) + "</td>", Pattern.DOTALL);
        assertTrue(cell.matcher(html).find(), model + " costs " + shown + " on the leaderboard:\n" + html);
    }
}
