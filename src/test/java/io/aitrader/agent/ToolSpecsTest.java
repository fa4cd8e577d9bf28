package io.aitrader.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.aitrader.trading.rules.TradingRules;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;

/** The order tools take whole shares, or a number with the rules' decimals where amounts may be fractions. */
class ToolSpecsTest {

    private static ToolSpecification tool(List<ToolSpecification> tools, String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void wholeSharesKeepTheToolsEveryEarlierRunWasOffered() {
        assertSame(ToolSpecs.ALL, ToolSpecs.of(false, false, 0), "recorded runs replay by the hash of the request");
        assertTrue(tool(ToolSpecs.ALL, TradingTools.BUY).parameters().properties()
                .get("amount") instanceof JsonIntegerSchema);
    }

    @Test
    void fractionalAmountsAreANumberWithTheRulesDecimals() {
        List<ToolSpecification> two = ToolSpecs.of(true, false, 2);
        assertEquals(ToolSpecs.WITH_SEARCH.stream().map(ToolSpecification::name).toList(),
                two.stream().map(ToolSpecification::name).toList(), "the same tools in the same order");
        for (String order : List.of(TradingTools.BUY, TradingTools.SELL)) {
            var amount = tool(two, order).parameters().properties().get("amount");
            assertTrue(amount instanceof JsonNumberSchema, order);
            assertEquals("Amount to trade, greater than 0, at most 2 decimals, e.g. 0.25",
                    ((JsonNumberSchema) amount).description());
        }
        String rules = SystemPrompt.rules(TradingRules.NONE.withQuantityDecimals(1));
        assertTrue(rules.contains("an amount greater than 0 with at most 1 decimals (fractions such as 0.5 are fine)"),
                rules);
    }
}
