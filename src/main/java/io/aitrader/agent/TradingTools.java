package io.aitrader.agent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aitrader.market.Market;
import io.aitrader.prices.PriceBar;
import io.aitrader.trading.OrderResult;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.Trade;
import io.quarkus.logging.Log;

import dev.langchain4j.agent.tool.ToolSpecification;

/**
 * The tools of one model-day, bound to its session: the date, model and job come from the server, never from the
 * model. Every call answers JSON text; bad calls answer {@code {"error": code, "message": ...}}.
 */
public final class TradingTools {

    public static final String GET_PRICE_LOCAL = "get_price_local";
    public static final String BUY = "buy";
    public static final String SELL = "sell";
    public static final String ADD = "add";
    public static final String MULTIPLY = "multiply";
    public static final String GET_INFORMATION = "get_information";
    public static final String GET_NEWS = "get_news";
    static final int MAX_NEWS_TICKERS = 5;

    private final TradingSession session;
    private final InformationSearch search;
    private final NewsSource news;
    private final ToolMeters meters;

    public TradingTools(TradingSession session) {
        this(session, null);
    }

    /** {@code search} may be null: get_information is then neither offered nor run. */
    public TradingTools(TradingSession session, InformationSearch search) {
        this(session, search, AgentMetrics.NONE.tools());
    }

    /** As above, counting each call in {@code meters}. */
    public TradingTools(TradingSession session, InformationSearch search, ToolMeters meters) {
        this(session, search, null, meters);
    }

    /** As above; {@code news} may be null: get_news is then neither offered nor run. */
    public TradingTools(TradingSession session, InformationSearch search, NewsSource news, ToolMeters meters) {
        this.session = session;
        this.search = search;
        this.news = news;
        this.meters = meters;
    }

    public List<ToolSpecification> specifications() {
        return ToolSpecs.of(search != null, news != null, session.ledger().rules().quantityDecimals());
    }

    /** Runs one tool call; never throws. */
    public String execute(String name, String arguments) {
        try {
            ObjectNode result = dispatch(name == null ? "" : name, arguments);
            meters.record(name, result.path("error").isTextual() ? ToolMeters.Outcome.REFUSED : ToolMeters.Outcome.OK);
            return ToolJson.write(result);
        } catch (ToolFailure e) {
            meters.record(name, ToolMeters.Outcome.REFUSED);
            return ToolJson.write(e.toJson());
        } catch (RuntimeException e) {
            meters.record(name, ToolMeters.Outcome.ERROR);
            Log.warnf(e, "Tool %s failed for %s on %s", name, session.model(), session.date());
            return ToolJson.write(ToolJson.error("tool_failed", "the tool failed; try again or continue without it"));
        }
    }

    private ObjectNode dispatch(String name, String arguments) {
        return switch (name) {
            case GET_PRICE_LOCAL -> price(ToolArguments.parse(arguments));
            case BUY, SELL -> order(name, ToolArguments.parse(arguments));
            case ADD, MULTIPLY -> math(name, ToolArguments.parse(arguments));
            case GET_INFORMATION -> {
                if (search == null) {
                    throw unknownTool(name);
                }
                yield information(ToolArguments.parse(arguments));
            }
            case GET_NEWS -> {
                if (news == null) {
                    throw unknownTool(name);
                }
                yield news(ToolArguments.parse(arguments));
            }
            default -> throw unknownTool(name);
        };
    }

    private ToolFailure unknownTool(String name) {
        return new ToolFailure("unknown_tool", "unknown tool " + ToolJson.quote(name, 40) + "; the tools are "
                + String.join(", ", specifications().stream().map(ToolSpecification::name).toList()));
    }

    private ObjectNode information(ToolArguments args) {
        String query = args.text("query");
        try {
            JsonNode found = search.search(query, session.date());
            return found instanceof ObjectNode node ? node : ToolJson.object().set("results", found);
        } catch (InformationSearch.SearchFailure e) {
            throw new ToolFailure("search_failed", e.getMessage());
        }
    }

    /**
     * News before the day's simulated moment (its market's open). Tickers must be tradeable here; crypto coins are
     * asked for in Alpha Vantage's form, CRYPTO:BTC.
     */
    private ObjectNode news(ToolArguments args) {
        String query = args.optionalText("query");
        List<String> tickers = new ArrayList<>();
        for (String part : args.optionalText("tickers").toUpperCase(Locale.ROOT).split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!session.universe().contains(part) && !part.equals(session.benchmark())) {
                throw new ToolFailure("unknown_symbol", ToolJson.quote(part, 20) + " is not in the trading universe");
            }
            tickers.add(session.market() == Market.CRYPTO ? "CRYPTO:" + part : part);
        }
        if (tickers.isEmpty() && query.isEmpty()) {
            throw new ToolFailure("missing_argument", "give tickers, a query, or both");
        }
        if (tickers.size() > MAX_NEWS_TICKERS) {
            throw new ToolFailure("invalid_arguments", "at most " + MAX_NEWS_TICKERS + " tickers at a time");
        }
        try {
            JsonNode found = news.news(query, tickers, session.market().openOn(session.date()));
            return found instanceof ObjectNode node ? node : ToolJson.object().set("articles", found);
        } catch (NewsSource.NewsFailure e) {
            throw new ToolFailure("news_failed", e.getMessage());
        }
    }

    private ObjectNode price(ToolArguments args) {
        String symbol = args.symbol();
        LocalDate date = args.date("date");
        LocalDate today = session.date();
        if (!session.universe().contains(symbol) && !symbol.equals(session.benchmark())) {
            throw new ToolFailure("unknown_symbol", symbol + " is not in the trading universe");
        }
        if (date.isAfter(today)) {
            throw new ToolFailure("look_ahead",
                    date + " is after today (" + today + "); prices of later dates are not available");
        }
        if (date.equals(today)) {
            BigDecimal open = session.prices().open(symbol, today).orElseThrow(() -> noPrice(symbol, date));
            return ToolJson.object().put("symbol", symbol).put("date", date.toString()).put("open", open)
                    .put("note", "today's trading is in progress: only the open is known");
        }
        PriceBar bar = session.prices().bar(symbol, date).orElseThrow(() -> noPrice(symbol, date));
        ObjectNode node = ToolJson.object().put("symbol", symbol).put("date", date.toString()).put("open", bar.open());
        putIfKnown(node, "high", bar.high());
        putIfKnown(node, "low", bar.low());
        putIfKnown(node, "close", bar.close());
        if (bar.volume() != null) {
            node.put("volume", bar.volume());
        }
        return node;
    }

    private ObjectNode order(String action, ToolArguments args) {
        String symbol = args.symbol();
        BigDecimal amount = args.amount(session.ledger().rules().quantityDecimals());
        OrderResult result = action.equals(BUY)
                ? session.ledger().buy(symbol, amount)
                : session.ledger().sell(symbol, amount);
        if (!result.accepted()) {
            Portfolio now = result.after() != null ? result.after() : session.ledger().current();
            return ToolJson.error(result.code(), result.message()).set("positions", ToolJson.positions(now));
        }
        Trade trade = result.trade();
        ObjectNode node = ToolJson.object().put("status", "filled").put("action", trade.action())
                .put("symbol", trade.symbol()).put("amount", trade.amount()).put("price", trade.price())
                .put("total", trade.total());
        if (!session.ledger().rules().tradesAsNone()) {
            node.put("fill_price", trade.fillPrice()).put("commission", trade.commission())
                    .put("slippage", trade.slippage());
        }
        node.set("positions", ToolJson.positions(result.after()));
        return node;
    }

    private static ObjectNode math(String name, ToolArguments args) {
        BigDecimal a = args.number("a");
        BigDecimal b = args.number("b");
        BigDecimal result = name.equals(ADD) ? a.add(b) : a.multiply(b);
        return ToolJson.object().put("result", ToolJson.plain(result));
    }

    private static void putIfKnown(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static ToolFailure noPrice(String symbol, LocalDate date) {
        return new ToolFailure("no_price", "no price for " + symbol + " on " + date
                + " (not a trading day, or no data for it)");
    }
}
