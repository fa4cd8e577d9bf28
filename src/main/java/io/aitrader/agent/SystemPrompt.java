package io.aitrader.agent;

import java.time.LocalDate;

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
        text.append("You are a stock trading agent managing a portfolio of NASDAQ-100 stocks in a simulation.\n\n");
        text.append(DATE_LINE).append(today).append('\n');
        text.append("Previous trading day: ").append(previous == null ? "n/a" : previous).append('\n');
        text.append(POSITIONS_LINE).append(ToolJson.write(ToolJson.positions(session.ledger().current())))
                .append("\n\n");
        text.append(PriceBlocks.of(session.prices(), session.universe(), previous, today));
        text.append(RULES);
        return text.toString();
    }

    private static final String RULES = """

            Rules:
            - Trade with buy(symbol, amount) and sell(symbol, amount): a whole number of shares greater than 0, \
            filled at today's open.
            - A buy needs enough cash, a sell needs that many shares. No shorting, no margin, no fees. \
            Proceeds of a sale can be used at once.
            - Only the symbols listed above can be traded.
            - A refused order changes nothing, and the tool result says why.
            - get_price_local shows earlier days in full and only the open of today; later dates are refused.
            - When you are done for today, answer without tool calls and include %s.
            """.formatted(FINISH_SIGNAL);

    public static String firstUserMessage(TradingSession session) {
        return "Please analyse the market and update today's positions (" + session.date() + ").";
    }
}
