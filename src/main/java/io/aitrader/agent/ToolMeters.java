package io.aitrader.agent;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Tool calls by tool and outcome: {@code ok}; {@code refused} when the tool answered the model an error (bad
 * arguments, unknown symbol, refused order, look-ahead, failed search); {@code error} when the tool itself broke.
 * Names the model invents count as {@code unknown}, so the model cannot grow the number of series.
 */
public final class ToolMeters {

    static final String NAME = "aitrader.tool.calls";
    static final String UNKNOWN = "unknown";
    private static final String[] TOOLS = {TradingTools.GET_PRICE_LOCAL, TradingTools.BUY, TradingTools.SELL,
            TradingTools.ADD, TradingTools.MULTIPLY, TradingTools.GET_INFORMATION, UNKNOWN};

    /** What became of one tool call. */
    public enum Outcome {
        OK, REFUSED, ERROR
    }

    private final Counter[][] counters = new Counter[TOOLS.length][Outcome.values().length];

    ToolMeters(MeterRegistry registry) {
        for (int t = 0; t < TOOLS.length; t++) {
            for (Outcome outcome : Outcome.values()) {
                counters[t][outcome.ordinal()] = Counter.builder(NAME).description("Tool calls by tool and outcome")
                        .tag("tool", TOOLS[t]).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
    }

    void record(String tool, Outcome outcome) {
        counters[index(tool)][outcome.ordinal()].increment();
    }

    private static int index(String tool) {
        for (int t = 0; t < TOOLS.length - 1; t++) {
            if (TOOLS[t].equals(tool)) {
                return t;
            }
        }
        return TOOLS.length - 1;
    }
}
