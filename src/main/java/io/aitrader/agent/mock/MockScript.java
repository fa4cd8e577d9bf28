package io.aitrader.agent.mock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.TradingTools;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;

/**
 * The mock's behaviour for one turn, derived only from the seed, the date and the conversation so far: look up 2-3
 * opens, sometimes (1 day in 4) place an order that is refused, place one buy or sell, then finish.
 */
final class MockScript {

    static final String UNKNOWN_SYMBOL = "ZZZZ";
    static final long ABSURD_AMOUNT = 1_000_000_000L;

    private final long seed;
    private final List<String> universe;

    MockScript(long seed, List<String> universe) {
        this.seed = seed;
        this.universe = List.copyOf(universe);
    }

    AiMessage answer(MockTurn turn) {
        DayPlan plan = plan(turn.date());
        if (plan.picks().isEmpty()) {
            return finish("There is nothing I can trade today.");
        }
        int trade = plan.invalid() ? 2 : 1;
        if (turn.step() == 0) {
            List<ToolExecutionRequest> calls = new ArrayList<>();
            for (String symbol : plan.picks()) {
                calls.add(call(turn, calls.size(), TradingTools.GET_PRICE_LOCAL,
                        "{\"symbol\":\"" + symbol + "\",\"date\":\"" + turn.date() + "\"}"));
            }
            return AiMessage.from("Let me check today's opens of " + String.join(", ", plan.picks()) + ".", calls);
        }
        if (plan.invalid() && turn.step() == 1) {
            String symbol = plan.unknownSymbol() ? UNKNOWN_SYMBOL : plan.picks().get(0);
            long amount = plan.unknownSymbol() ? 10 : ABSURD_AMOUNT;
            return AiMessage.from("I will open a large position in " + symbol + ".",
                    List.of(order(turn, TradingTools.BUY, symbol, Long.toString(amount))));
        }
        if (turn.step() == trade) {
            JsonNode refusal = turn.lastRefusal();
            String intro = refusal == null
                    ? "Placing today's order."
                    : "That order was refused (" + refusal.path("error").asText() + "), so I will place a "
                            + "sensible one instead.";
            ToolExecutionRequest order = decide(plan, turn);
            return order == null
                    ? finish(intro + " On second thought, no trade fits today.")
                    : AiMessage.from(intro, List.of(order));
        }
        return finish("Today's positions are final.");
    }

    private ToolExecutionRequest decide(DayPlan plan, MockTurn turn) {
        if (plan.sell() && !turn.holdings().isEmpty()) {
            List<String> held = new ArrayList<>(turn.holdings().keySet());
            String symbol = held.get(plan.choice() % held.size());
            BigDecimal half = turn.holdings().get(symbol).divide(BigDecimal.valueOf(2), turn.decimals(),
                    RoundingMode.FLOOR);
            BigDecimal smallest = BigDecimal.ONE.movePointLeft(turn.decimals());
            return order(turn, TradingTools.SELL, symbol, half.max(smallest).stripTrailingZeros().toPlainString());
        }
        for (String symbol : plan.picks()) {
            BigDecimal open = turn.opens().get(symbol);
            if (open == null || open.signum() <= 0) {
                continue;
            }
            BigDecimal budget = turn.cash().multiply(BigDecimal.valueOf(plan.percent())).movePointLeft(2);
            BigDecimal amount = budget.divide(open, turn.decimals(), RoundingMode.FLOOR);
            if (amount.signum() == 0 && turn.cash().compareTo(open) >= 0) {
                amount = BigDecimal.ONE;
            }
            return amount.signum() == 0
                    ? null
                    : order(turn, TradingTools.BUY, symbol, amount.stripTrailingZeros().toPlainString());
        }
        return null;
    }

    private DayPlan plan(LocalDate date) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + date.toEpochDay());
        List<String> pool = new ArrayList<>(universe);
        List<String> picks = new ArrayList<>();
        int count = 2 + random.nextInt(2);
        while (picks.size() < count && !pool.isEmpty()) {
            picks.add(pool.remove(random.nextInt(pool.size())));
        }
        return new DayPlan(picks, random.nextInt(4) == 0, random.nextBoolean(), random.nextInt(3) == 0,
                10 + random.nextInt(21), random.nextInt(1_000_000));
    }

    private static ToolExecutionRequest order(MockTurn turn, String action, String symbol, String amount) {
        return call(turn, 0, action, "{\"symbol\":\"" + symbol + "\",\"amount\":" + amount + "}");
    }

    private static ToolExecutionRequest call(MockTurn turn, int index, String name, String arguments) {
        String id = "call_" + turn.date().toString().replace("-", "") + "_" + turn.step() + "_" + index;
        return ToolExecutionRequest.builder().id(id).name(name).arguments(arguments).build();
    }

    private static AiMessage finish(String text) {
        return AiMessage.from(text + " " + SystemPrompt.FINISH_SIGNAL);
    }

    /** The seeded choices of one day. */
    private record DayPlan(List<String> picks, boolean invalid, boolean unknownSymbol, boolean sell, int percent,
            int choice) {
    }
}
