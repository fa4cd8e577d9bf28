package io.aitrader.prices;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.errors.ApiException;
import io.aitrader.market.Market;
import io.aitrader.market.MarketCalendar;

/**
 * Reads AI-Trader JSONL (one Alpha Vantage object per line) and plain Alpha Vantage JSON (one object, or an array of
 * them). A broken file is refused as a whole ({@code invalid_price_file}); a bad row is only rejected with a reason.
 */
@ApplicationScoped
public class PriceFileParser {

    static final String META = "Meta Data";
    static final String SYMBOL = "2. Symbol";
    static final String SERIES = "Time Series (Daily)";
    /** DIGITAL_CURRENCY_DAILY (contract 12): the coin in "2. Digital Currency Code", its quote in "4. Market Code". */
    static final String CRYPTO_SERIES = "Time Series (Digital Currency Daily)";
    static final String COIN = "2. Digital Currency Code";
    static final String QUOTE = "4. Market Code";
    private static final Pattern SYMBOL_FORM = Pattern.compile("[A-Z0-9][A-Z0-9.\\-^=]{0,19}");

    private final ObjectMapper mapper;
    private final TradingCalendar calendar;

    @Inject
    public PriceFileParser(ObjectMapper mapper, TradingCalendar calendar) {
        this.mapper = mapper;
        this.calendar = calendar;
    }

    public ParsedPrices parse(byte[] content, String source) {
        if (content == null || content.length == 0) {
            throw invalid("The price file is empty", Map.of());
        }
        Collected found = new Collected();
        try (JsonParser parser = mapper.createParser(content)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        readSeries(parser, source, found);
                    }
                    if (parser.currentToken() != JsonToken.END_ARRAY) {
                        throw invalid("The array must hold only Alpha Vantage objects", line(parser));
                    }
                } else if (token == JsonToken.START_OBJECT) {
                    readSeries(parser, source, found);
                } else {
                    throw invalid("Expected a JSON object per line or a JSON array of objects", line(parser));
                }
            }
        } catch (JsonProcessingException e) {
            Map<String, Object> where = new LinkedHashMap<>();
            if (e.getLocation() != null) {
                where.put("line", e.getLocation().getLineNr());
                where.put("column", e.getLocation().getColumnNr());
            }
            throw invalid("The price file is not valid JSON or JSONL", where);
        } catch (IOException e) {
            throw invalid("The price file could not be read", Map.of());
        }
        if (found.symbols.isEmpty()) {
            throw invalid("The price file holds no price series", Map.of());
        }
        return new ParsedPrices(List.copyOf(found.bars.values()), found.rejects, found.symbols,
                List.copyOf(found.hours.values()));
    }

    /** What a file's series gave so far: daily bars and 60-minute bars (one per symbol and time), refused rows. */
    private static final class Collected {
        final Map<String, PriceBar> bars = new LinkedHashMap<>();
        final Map<String, IntradayBar> hours = new LinkedHashMap<>();
        final List<PriceReject> rejects = new ArrayList<>();
        final TreeSet<String> symbols = new TreeSet<>();
    }

    private void readSeries(JsonParser parser, String source, Collected found) throws IOException {
        Map<String, Object> where = line(parser);
        JsonNode root = parser.readValueAsTree();
        Optional<String> intraday = IntradaySeries.seriesKey(root);
        if (!root.has(SERIES) && !root.has(CRYPTO_SERIES) && intraday.isEmpty()
                && (root.has("Error Message") || root.has("Note") || root.has("Information"))) {
            throw invalid("The file holds an Alpha Vantage error or rate-limit answer, not prices", where);
        }
        boolean coin = root.has(CRYPTO_SERIES) || intraday.filter(k -> k.startsWith("Time Series Crypto")).isPresent();
        if (coin && !root.path(META).path(QUOTE).asText("USD").trim().equalsIgnoreCase("USD")) {
            throw invalid("A crypto series must be quoted in USD (\"4. Market Code\": \"USD\"), the crypto market's"
                    + " currency", withSymbol(where, root.path(META).path(COIN).asText("")));
        }
        String symbol = root.path(META).path(coin ? COIN : SYMBOL).asText("").trim().toUpperCase(Locale.ROOT);
        if (symbol.isEmpty()) {
            throw invalid("A series has no \"Meta Data\" / \"2. Symbol\"", where);
        }
        if (!SYMBOL_FORM.matcher(symbol).matches()) {
            String shown = symbol.length() > 40 ? symbol.substring(0, 40) + "..." : symbol;
            throw invalid("A series has an invalid symbol", withSymbol(where, shown));
        }
        if (intraday.isPresent()) {
            Optional<String> refused = IntradaySeries.refusal(root, intraday.get(), symbol);
            if (refused.isPresent()) {
                throw invalid(refused.get(), withSymbol(where, symbol));
            }
        }
        String key = intraday.orElse(coin ? CRYPTO_SERIES : SERIES);
        JsonNode series = root.get(key);
        if (series == null || !series.isObject()) {
            throw invalid("A series has no \"" + SERIES + "\" object", withSymbol(where, symbol));
        }
        found.symbols.add(symbol);
        if (intraday.isPresent()) {
            IntradaySeries.read(series, symbol, coin, source, found.hours, found.rejects);
            return;
        }
        MarketCalendar days = coin ? Market.CRYPTO.calendar() : calendar.ofSymbol(symbol);
        LocalDate latestAllowed = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        for (Map.Entry<String, JsonNode> day : series.properties()) {
            try {
                PriceBar bar = coin
                        ? PriceRowReader.readCoin(symbol, day.getKey(), day.getValue(), source)
                        : PriceRowReader.read(symbol, day.getKey(), day.getValue(), source);
                if (bar.date().isAfter(latestAllowed)) {
                    throw new PriceRowReader.RowException("date is in the future");
                }
                if (!days.isTradingDay(bar.date())) {
                    throw new PriceRowReader.RowException("not a trading day (" + notTrading(symbol) + ")");
                }
                found.bars.put(symbol + '|' + bar.date(), bar);
            } catch (PriceRowReader.RowException e) {
                found.rejects.add(new PriceReject(symbol, day.getKey(), e.getMessage()));
            }
        }
    }

    /** What closes the symbol's exchange on a weekday, as the reject says it. */
    private static String notTrading(String symbol) {
        return Market.ofSymbol(symbol) == Market.CN ? "weekend or SSE holiday" : "weekend or NYSE holiday";
    }

    private static Map<String, Object> line(JsonParser parser) {
        return Map.of("line", parser.currentTokenLocation().getLineNr());
    }

    private static Map<String, Object> withSymbol(Map<String, Object> where, String symbol) {
        Map<String, Object> details = new LinkedHashMap<>(where);
        details.put("symbol", symbol);
        return details;
    }

    private static ApiException invalid(String message, Map<String, Object> details) {
        return ApiException.badRequest("invalid_price_file", message, details.isEmpty() ? null : details);
    }
}
