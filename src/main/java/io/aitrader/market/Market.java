package io.aitrader.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.aitrader.trading.rules.TradingRules;

/**
 * The markets a config may trade on (contract 12): each fixes its calendar, currency, default universe (a symbol list
 * in the configs directory), benchmark, initial cash and the defaults of the trading rules, which a config's own
 * {@code rules} still override field by field.
 */
public enum Market {

    /** NASDAQ-100 stocks: NYSE calendar, USD, whole shares, the rules of contract 4.2. */
    US("us", "USD", "$", "nasdaq100", "QQQ", BigDecimal.valueOf(10_000), NyseCalendar.INSTANCE, TradingRules.NONE,
            ZoneId.of("America/New_York"), LocalTime.of(9, 30)),
    /**
     * Shanghai A-shares (.SHH symbols): SSE calendar, CNY, 100-share lots, T+1 and the ±10 % daily price limit
     * against the previous close.
     */
    CN("cn", "CNY", "¥", "sse50", "510050.SHH", BigDecimal.valueOf(100_000), SseCalendar.INSTANCE,
            new TradingRules("cn", TradingRules.NONE.commissionBps(), TradingRules.NONE.commissionPerShare(),
                    TradingRules.NONE.commissionMin(), TradingRules.NONE.slippageBps(), false,
                    TradingRules.NONE.shortMarginPct(), TradingRules.NONE.maintenanceMarginPct(),
                    TradingRules.NONE.borrowFeeBpsPerYear(), null, null, 100, TradingRules.Settlement.T1,
                    TradingRules.NONE.minCashPct(), BigDecimal.TEN),
            ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 30)),
    /** Ten crypto coins: every calendar day (UTC), USD, amounts to 6 decimals. */
    CRYPTO("crypto", "USD", "$", "crypto10", "BTC", BigDecimal.valueOf(50_000), EveryDayCalendar.INSTANCE,
            TradingRules.NONE.withName("crypto").withQuantityDecimals(TradingRules.MAX_QUANTITY_DECIMALS),
            ZoneOffset.UTC, LocalTime.MIDNIGHT);

    private final String id;
    private final String currency;
    private final String currencySign;
    private final String symbolList;
    private final String benchmark;
    private final BigDecimal initialCash;
    private final MarketCalendar calendar;
    private final TradingRules rules;
    private final ZoneId zone;
    private final LocalTime open;

    Market(String id, String currency, String currencySign, String symbolList, String benchmark,
            BigDecimal initialCash, MarketCalendar calendar, TradingRules rules, ZoneId zone, LocalTime open) {
        this.zone = zone;
        this.open = open;
        this.id = id;
        this.currency = currency;
        this.currencySign = currencySign;
        this.symbolList = symbolList;
        this.benchmark = benchmark;
        this.initialCash = initialCash;
        this.calendar = calendar;
        this.rules = rules;
    }

    /** As configs and answers write it: us, cn, crypto. */
    public String id() {
        return id;
    }

    /** ISO 4217 code of the market's money. */
    public String currency() {
        return currency;
    }

    /** The sign amounts are written with: $ or ¥. */
    public String currencySign() {
        return currencySign;
    }

    /** The default universe: the name of a symbol list ({@code <name>_symbols.json} in the configs directory). */
    public String symbolList() {
        return symbolList;
    }

    public String benchmark() {
        return benchmark;
    }

    public BigDecimal initialCash() {
        return initialCash;
    }

    public MarketCalendar calendar() {
        return calendar;
    }

    /** The rules a config of this market trades under unless its own {@code rules} say otherwise. */
    public TradingRules rules() {
        return rules;
    }

    /**
     * The simulated moment of a day: the market's open (09:30 in New York or Shanghai, 00:00 UTC for crypto), when a
     * daily session trades. Nothing published at or after it may reach the model (contract 12).
     */
    public Instant openOn(LocalDate day) {
        return day.atTime(open).atZone(zone).toInstant();
    }

    /** True for the markets an hourly config may trade (contract 13): us and crypto. */
    public boolean tradesHourly() {
        return this != CN;
    }

    /**
     * The hourly sessions of {@code day} in the market's time ({@link HourlySessions}), in order; empty on a day the
     * market is closed or for a market that does not trade hourly.
     */
    public List<LocalDateTime> sessions(LocalDate day) {
        if (!tradesHourly() || !calendar.isTradingDay(day)) {
            return List.of();
        }
        if (this == CRYPTO) {
            return HourlySessions.allDay(day);
        }
        LocalTime close = NyseCalendar.INSTANCE.closesEarly(day)
                ? HourlySessions.US_EARLY_CLOSE
                : HourlySessions.US_CLOSE;
        return HourlySessions.between(day, HourlySessions.US_OPEN, close);
    }

    /** The market's time zone: New York, Shanghai or UTC; sessions are named in it. */
    public ZoneId zone() {
        return zone;
    }

    /** The market of a config's {@code market} value (case-insensitive), if it is one. */
    public static Optional<Market> byId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst();
    }

    /**
     * The market a price symbol belongs to, by its form: Shanghai listings end in {@code .SHH}; every other symbol is
     * read as a US one here (crypto coins come with their own prices, see the crypto price sources).
     */
    public static Market ofSymbol(String symbol) {
        return symbol != null && symbol.toUpperCase(Locale.ROOT).endsWith(".SHH") ? CN : US;
    }
}
