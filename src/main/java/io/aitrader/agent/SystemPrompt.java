package io.aitrader.agent;

import java.time.LocalDate;

import io.aitrader.market.Market;
import io.aitrader.trading.DayOpening;
import io.aitrader.trading.Money;
import io.aitrader.trading.Quantity;
import io.aitrader.trading.rules.TradingRules;

/** The texts the agent loop gives the model: the system prompt of the day, the first user message and the nudge. */
public final class SystemPrompt {

    public static final String FINISH_SIGNAL = "<FINISH_SIGNAL>";
    public static final String DATE_LINE = "Today's date: ";
    public static final String POSITIONS_LINE = "Current positions: ";

    static final String NUDGE = "You have not finished today's session. Keep analysing and trading with the tools, "
            + "or answer with " + FINISH_SIGNAL + " when today's positions are final.";

    private SystemPrompt() {
    }

    public static String build(TradingSession session) {
        LocalDate today = session.date();
        LocalDate previous = session.previousTradingDay();
        StringBuilder text = new StringBuilder(4096);
        text.append(role(session.market()));
        text.append(DATE_LINE).append(today).append('\n');
        text.append("Previous trading day: ").append(previous == null ? "n/a" : previous).append('\n');
        text.append(POSITIONS_LINE).append(ToolJson.write(ToolJson.positions(session.ledger().current())))
                .append('\n');
        session.ledger().opening().map(SystemPrompt::opening).ifPresent(text::append);
        text.append('\n');
        text.append(PriceBlocks.of(session.prices(), session.universe(), previous, today));
        text.append(rules(session.ledger().rules()));
        return text.toString();
    }

    /**
     * Who the model is and where it trades. The US text is the one every earlier run saw, word for word: recorded
     * runs replay by the hash of their requests.
     */
    static String role(Market market) {
        return switch (market) {
            case US -> "You are a stock trading agent managing a portfolio of NASDAQ-100 stocks in a simulation.\n\n";
            case CN -> "You are a stock trading agent managing a portfolio of Shanghai A-shares (symbols such as"
                    + " 600519.SHH) in a simulation.\n" + market(market) + "\n";
            case CRYPTO -> "You are a crypto trading agent managing a portfolio of crypto coins (symbols such as BTC)"
                    + " in a simulation.\n" + market(market) + "\n";
        };
    }

    private static String market(Market market) {
        return "Market: " + market.id() + ". Trading days: " + market.calendar().describe() + ". Amounts are in "
                + market.currency() + " (" + market.currencySign() + ").\n";
    }

    /** What the shorts cost at today's open (contract 10), or "" when they cost nothing. */
    static String opening(DayOpening opening) {
        StringBuilder text = new StringBuilder();
        if (opening.borrowFee().signum() > 0) {
            text.append("At today's open a borrow fee of ").append(Money.format(opening.borrowFee()))
                    .append(" for your shorts was taken from cash.\n");
        }
        if (opening.marginCalled()) {
            text.append("Margin call at today's open: cash was below the maintenance margin, so every short was "
                    + "bought back: ").append(TradeSummary.of(opening.covers())).append(".\n");
        }
        return text.toString();
    }

    /** Contract 4.2's rules in plain words, or, under other trading rules, those rules line by line (contract 10). */
    static String rules(TradingRules rules) {
        String head = rules.fractional()
                ? RULES_HEAD.replace(Quantity.WHOLE_SHARES, Quantity.allowed(rules.quantityDecimals())
                        + " (fractions such as " + ToolSpecs.fraction(rules.quantityDecimals()) + " are fine)")
                : RULES_HEAD;
        if (rules.tradesAsNone()) {
            return head + NO_COSTS + RULES_TAIL;
        }
        StringBuilder text = new StringBuilder(head);
        text.append(rules.allowShort() ? SHORTS_ALLOWED : CASH_AND_SHARES);
        rules.describe().forEach(line -> text.append("- ").append(line).append('\n'));
        return text.append(RULES_TAIL).toString();
    }

    private static final String RULES_HEAD = """

            Rules:
            - Trade with buy(symbol, amount) and sell(symbol, amount): a whole number of shares greater than 0, \
            filled at today's open.
            """;

    private static final String NO_COSTS = """
            - A buy needs enough cash, a sell needs that many shares. No shorting, no margin, no fees. \
            Proceeds of a sale can be used at once.
            """;

    private static final String CASH_AND_SHARES = """
            - A buy needs enough cash for its total and commission, a sell needs that many shares. \
            Proceeds of a sale can be used at once.
            """;

    private static final String SHORTS_ALLOWED = """
            - A buy needs enough cash for its total and commission. Proceeds of a sale can be used at once.
            """;

    private static final String RULES_TAIL = """
            - Only the symbols listed above can be traded.
            - A refused order changes nothing, and the tool result says why.
            - get_price_local shows earlier days in full and only the open of today; later dates are refused.
            - When you are done for today, answer without tool calls and include %s.
            """.formatted(FINISH_SIGNAL);

    public static String firstUserMessage(TradingSession session) {
        return "Please analyse the market and update today's positions (" + session.date() + ").";
    }
}
