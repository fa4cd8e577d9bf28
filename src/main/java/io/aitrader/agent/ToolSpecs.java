package io.aitrader.agent;

import java.util.List;
import java.util.stream.Stream;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

/** The tools offered to the model, described as the chat API expects them. */
final class ToolSpecs {

    static final List<ToolSpecification> ALL = List.of(
            ToolSpecification.builder().name(TradingTools.GET_PRICE_LOCAL)
                    .description("Prices of one symbol on one date. Earlier dates show the full day (open, high, low, "
                            + "close, volume), today shows only the open, later dates are refused.")
                    .parameters(JsonObjectSchema.builder().addStringProperty("symbol", "Ticker symbol, e.g. AAPL")
                            .addStringProperty("date", "Date in YYYY-MM-DD form, not after today")
                            .required("symbol", "date").build())
                    .build(),
            order(TradingTools.BUY, "Buy whole shares at today's open. Needs enough cash."),
            order(TradingTools.SELL, "Sell whole shares at today's open. Needs that many shares (no shorting)."),
            math(TradingTools.ADD, "Add two numbers: a + b."),
            math(TradingTools.MULTIPLY, "Multiply two numbers: a * b."));

    static final ToolSpecification GET_INFORMATION = ToolSpecification.builder().name(TradingTools.GET_INFORMATION)
            .description("Search the web for news and information. Only results published before today "
                    + "are shown; undated results are left out.")
            .parameters(JsonObjectSchema.builder().addStringProperty("query", "What to search for")
                    .required("query").build())
            .build();

    static final List<ToolSpecification> WITH_SEARCH = Stream.concat(ALL.stream(), Stream.of(GET_INFORMATION))
            .toList();

    static final ToolSpecification GET_NEWS = ToolSpecification.builder().name(TradingTools.GET_NEWS)
            .description("Financial news with sentiment. Give tickers (comma-separated, from the universe) and/or "
                    + "a query: a topic (earnings, technology, ipo, mergers_and_acquisitions, financial_markets, "
                    + "economy_macro, economy_monetary, ...) or words to look for in titles and summaries. Only "
                    + "articles published before today's open are shown; undated articles are left out.")
            .parameters(JsonObjectSchema.builder()
                    .addStringProperty("tickers", "Ticker symbols, comma-separated, e.g. AAPL,MSFT")
                    .addStringProperty("query", "A topic or words to look for").build())
            .build();

    /**
     * The tools of a day: the always-there ones, then web search and news when they are configured. With
     * {@code quantityDecimals} above 0 the order tools take fractional amounts.
     */
    static List<ToolSpecification> of(boolean search, boolean news, int quantityDecimals) {
        List<ToolSpecification> tools = search ? WITH_SEARCH : ALL;
        if (news) {
            tools = Stream.concat(tools.stream(), Stream.of(GET_NEWS)).toList();
        }
        if (quantityDecimals == 0) {
            return tools;
        }
        List<ToolSpecification> orders = List.of(
                fractionalOrder(TradingTools.BUY, "Buy at today's open; the amount may be a fraction. Needs enough"
                        + " cash.", quantityDecimals),
                fractionalOrder(TradingTools.SELL, "Sell at today's open; the amount may be a fraction. Needs that"
                        + " much held (no shorting).", quantityDecimals));
        return tools.stream().map(tool -> orders.stream().filter(o -> o.name().equals(tool.name())).findFirst()
                .orElse(tool)).toList();
    }

    private ToolSpecs() {
    }

    private static ToolSpecification order(String name, String description) {
        return ToolSpecification.builder().name(name).description(description)
                .parameters(JsonObjectSchema.builder().addStringProperty("symbol", "Ticker symbol, e.g. AAPL")
                        .addIntegerProperty("amount", "Number of shares, a whole number greater than 0")
                        .required("symbol", "amount").build())
                .build();
    }

    private static ToolSpecification fractionalOrder(String name, String description, int decimals) {
        return ToolSpecification.builder().name(name).description(description)
                .parameters(JsonObjectSchema.builder().addStringProperty("symbol", "Ticker symbol, e.g. BTC")
                        .addNumberProperty("amount", "Amount to trade, greater than 0, at most " + decimals
                                + " decimals, e.g. " + fraction(decimals))
                        .required("symbol", "amount").build())
                .build();
    }

    /** A fraction an amount with {@code decimals} decimals may be, for the texts: 0.25, or 0.5 with one decimal. */
    static String fraction(int decimals) {
        return decimals >= 2 ? "0.25" : "0.5";
    }

    private static ToolSpecification math(String name, String description) {
        return ToolSpecification.builder().name(name).description(description)
                .parameters(JsonObjectSchema.builder().addNumberProperty("a").addNumberProperty("b")
                        .required("a", "b").build())
                .build();
    }
}
