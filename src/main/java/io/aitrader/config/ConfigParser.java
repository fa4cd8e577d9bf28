package io.aitrader.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.aitrader.market.Market;
import io.aitrader.trading.rules.TradingRules;

/**
 * Turns a config tree (override applied, references resolved) into a {@link SimulationConfig}, recording every
 * problem instead of stopping at the first. Absent sections take the contract's defaults.
 */
final class ConfigParser {

    /** US tickers (AAPL, BRK.B), Shanghai listings (600519.SHH), crypto coins (BTC). */
    static final Pattern TICKER = Pattern.compile("[A-Z0-9][A-Z0-9.-]{0,11}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ModelParser models;
    private final SymbolLists symbolLists;
    private final RulesParser rules;

    ConfigParser(ModelParser models, SymbolLists symbolLists, RulesParser rules) {
        this.models = models;
        this.symbolLists = symbolLists;
        this.rules = rules;
    }

    SimulationConfig parse(JsonNode root, List<EnvReferences.Unresolved> unresolved, List<String> problems) {
        JsonFields fields = new JsonFields(root, "", problems);
        unresolved.stream().filter(u -> !u.path().startsWith("models["))
                .forEach(u -> problems.add(u.path() + " references ${" + u.variable() + "}, which is not set"));
        String agentType = fields.text("agent_type");
        Market market = market(fields);
        frequency(fields, market);
        SimulationConfig.DateRange dateRange = dateRange(root.get("date_range"), problems);
        String benchmark = benchmark(root, fields, market);
        List<ModelSpec> specs = models.parse(root.get("models"), benchmark, unresolved, problems);
        AgentSettings agent = AgentSettingsParser.parse(section(root, "agent_config", problems),
                market.initialCash(), problems);
        List<String> symbols = symbols(root.get("symbols"), market, problems);
        TradingRules tradingRules = rules.parse(root.get("rules"), market.rules(), problems);
        return new SimulationConfig(agentType == null ? "BaseAgent" : agentType, dateRange, specs, agent, symbols,
                benchmark, tradingRules, market);
    }

    private static Market market(JsonFields fields) {
        String id = fields.text("market");
        if (id == null) {
            return Market.US;
        }
        return Market.byId(id).orElseGet(() -> {
            fields.problem("market", "'" + ConfigPathResolver.shown(id) + "' is not a market (known: "
                    + Arrays.stream(Market.values()).map(Market::id).collect(Collectors.joining(", ")) + ")");
            return Market.US;
        });
    }

    /**
     * {@code frequency} (contract 13): {@code daily}, the default, or {@code hourly}, which only us and crypto trade.
     * This version runs daily sessions only, so an hourly config is refused, never run daily in its place.
     */
    private static void frequency(JsonFields fields, Market market) {
        String value = fields.text("frequency");
        String wanted = value == null ? "daily" : value.trim().toLowerCase(java.util.Locale.ROOT);
        if (wanted.equals("daily")) {
            return;
        }
        if (!wanted.equals("hourly")) {
            fields.problem("frequency", "'" + ConfigPathResolver.shown(value) + "' is not a frequency (known: daily,"
                    + " hourly)");
        } else if (!market.tradesHourly()) {
            fields.problem("frequency", "hourly trading is for the us and crypto markets; " + market.id()
                    + " trades daily");
        } else {
            fields.problem("frequency", "hourly is not available in this version yet: jobs trade one session a day"
                    + " (daily)");
        }
    }

    private static SimulationConfig.DateRange dateRange(JsonNode node, List<String> problems) {
        if (node == null || node.isNull()) {
            return new SimulationConfig.DateRange(null, null);
        }
        if (!node.isObject()) {
            problems.add("date_range must be an object with init_date and end_date");
            return new SimulationConfig.DateRange(null, null);
        }
        JsonFields fields = new JsonFields(node, "date_range", problems);
        LocalDate init = date(fields, "init_date");
        LocalDate end = date(fields, "end_date");
        if (init != null && end != null && init.isAfter(end)) {
            problems.add("date_range.init_date " + init + " is after date_range.end_date " + end);
        }
        return new SimulationConfig.DateRange(init, end);
    }

    private static LocalDate date(JsonFields fields, String field) {
        String text = fields.text(field);
        if (text == null) {
            return null;
        }
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        fields.problem(field, "'" + ConfigPathResolver.shown(text) + "' is not a real date in YYYY-MM-DD form");
        return null;
    }

    private String benchmark(JsonNode root, JsonFields fields, Market market) {
        if (!root.has("benchmark")) {
            return market.benchmark();
        }
        String benchmark = fields.text("benchmark");
        if (benchmark == null || !TICKER.matcher(benchmark).matches()) {
            fields.problem("benchmark", "must be an uppercase ticker such as " + market.benchmark());
            return null;
        }
        return benchmark;
    }

    private List<String> symbols(JsonNode node, Market market, List<String> problems) {
        String path = "symbols";
        List<String> symbols;
        if (node == null) {
            symbols = symbolLists.read(market.symbolList(), problems);
            path = "symbols (" + market.symbolList() + ")";
        } else if (node.isTextual()) {
            symbols = symbolLists.read(node.asText(), problems);
            path = "symbols (" + ConfigPathResolver.shown(node.asText()) + ")";
        } else if (node.isArray()) {
            symbols = SymbolLists.strings(node, "symbols", problems);
        } else {
            problems.add("symbols must be a list of tickers or the name of a symbol list such as nasdaq100");
            return List.of();
        }
        checkTickers(symbols, path, problems);
        return symbols;
    }

    static void checkTickers(List<String> symbols, String path, List<String> problems) {
        if (symbols.isEmpty()) {
            problems.add(path + " must list at least one ticker");
        }
        Set<String> seen = new HashSet<>();
        for (String symbol : symbols) {
            if (!TICKER.matcher(symbol).matches()) {
                problems.add(
                        path + " has '" + ConfigPathResolver.shown(symbol) + "', which is not an uppercase ticker");
            } else if (!seen.add(symbol)) {
                problems.add(path + " lists " + symbol + " more than once");
            }
        }
    }

    private static JsonNode section(JsonNode root, String name, List<String> problems) {
        JsonNode node = root.get(name);
        if (node != null && !node.isNull() && !node.isObject()) {
            problems.add(name + " must be an object");
            node = null;
        }
        return node == null || node.isNull() ? MissingNode.getInstance() : node;
    }
}
