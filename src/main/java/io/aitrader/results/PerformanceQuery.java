package io.aitrader.results;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.aitrader.errors.ApiException;
import io.aitrader.errors.Params;
import io.aitrader.market.Market;

/**
 * The parsed parameters of GET /performance; null means "use the default" (dates from the data, the default config's
 * benchmark and market, the configured risk-free rate).
 */
public record PerformanceQuery(LocalDate startDate, LocalDate endDate, String model, String benchmark,
        Double riskFreeRatePct, long bootstrapSeed, boolean outOfSample, Market market) {

    /** A query with the default bootstrap seed, 0, over every day of the default market. */
    public PerformanceQuery(LocalDate startDate, LocalDate endDate, String model, String benchmark,
            Double riskFreeRatePct) {
        this(startDate, endDate, model, benchmark, riskFreeRatePct, 0L, false, null);
    }

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.^-]{0,15}");

    /** Parses the query parameters; every malformed one is a 400 in the contract's error shape. */
    public static PerformanceQuery parse(String startDate, String endDate, String model, String benchmark,
            String riskFreeRate, String bootstrapSeed, String outOfSample) {
        return parse(startDate, endDate, model, benchmark, riskFreeRate, bootstrapSeed, outOfSample, null);
    }

    /** As above, with the market whose models are ranked (us, cn or crypto; default: the default config's). */
    public static PerformanceQuery parse(String startDate, String endDate, String model, String benchmark,
            String riskFreeRate, String bootstrapSeed, String outOfSample, String market) {
        LocalDate start = Params.date("start_date", startDate);
        LocalDate end = Params.date("end_date", endDate);
        if (start != null && end != null && start.isAfter(end)) {
            Map<String, Object> details = new LinkedHashMap<>(); // Map.of's order changes from one JVM run to the next
            details.put("start_date", start.toString());
            details.put("end_date", end.toString());
            throw ApiException.badRequest("invalid_date_range", "start_date must not be after end_date", details);
        }
        String symbol = Params.blankToNull(benchmark);
        if (symbol != null) {
            symbol = symbol.trim().toUpperCase(Locale.ROOT);
            if (!SYMBOL.matcher(symbol).matches()) {
                throw ApiException.invalidField("invalid_parameter", "benchmark", Params.safe(benchmark),
                        "benchmark must be a ticker symbol (letters, digits, '.', '^' or '-', at most 16)");
            }
        }
        String signature = Params.blankToNull(model);
        if (signature != null && signature.length() > 200) {
            throw ApiException.invalidField("invalid_parameter", "model", Params.safe(model),
                    "model must be a signature of at most 200 characters");
        }
        return new PerformanceQuery(start, end, signature, symbol, rate(riskFreeRate), seed(bootstrapSeed),
                Params.flag("out_of_sample", outOfSample), market(market));
    }

    private static Market market(String value) {
        if (Params.blankToNull(value) == null) {
            return null;
        }
        return Market.byId(value).orElseThrow(() -> ApiException.invalidField("invalid_parameter", "market",
                Params.safe(value), "market must be one of " + Arrays.stream(Market.values()).map(Market::id)
                        .collect(Collectors.joining(", "))));
    }

    private static long seed(String value) {
        if (Params.blankToNull(value) == null) {
            return 0L;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("invalid_parameter", "bootstrap_seed", Params.safe(value),
                    "bootstrap_seed must be an integer (e.g. 0, the default, or 42)");
        }
    }

    private static Double rate(String value) {
        if (Params.blankToNull(value) == null) {
            return null;
        }
        try {
            double rate = Double.parseDouble(value.trim());
            if (rate > -100 && rate < 100) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidField("invalid_parameter", "risk_free_rate", Params.safe(value),
                "risk_free_rate must be an annual rate in percent, a number between -100 and 100 (e.g. 4.25)");
    }

}
