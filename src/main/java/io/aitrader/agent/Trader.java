package io.aitrader.agent;

/** One model's way of trading a day: an LLM agent loop, the offline mock, or a builtin baseline. */
public interface Trader {

    /**
     * Trades one day through {@code session.ledger()} and returns the conversation. Throws {@link TraderException}
     * when the day cannot be completed (retries exhausted, timeout); the caller then discards the ledger.
     */
    DayTranscript tradeDay(TradingSession session) throws TraderException;
}
