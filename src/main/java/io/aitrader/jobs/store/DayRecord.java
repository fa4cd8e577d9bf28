package io.aitrader.jobs.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.aitrader.agent.DayTranscript;
import io.aitrader.cost.DayCost;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.Trade;

/**
 * Everything a finished model-day commits in one transaction, with what its model calls used and cost and their
 * recordings; {@code borrowFee} is what the day's shorts paid at the open (contract 10; zero without shorts);
 * {@code knowledgeCutoff} the model's (contract 11: a date, {@link #NO_TRAINING}, or null when not known);
 * {@code market} the id of the job's market (contract 12).
 */
public record DayRecord(String jobId, long detailId, String model, LocalDate date, Portfolio end,
        BigDecimal startingValue, BigDecimal endingValue, BigDecimal previousValue, BigDecimal profit,
        BigDecimal returnPct, List<Trade> trades, DayTranscript transcript, List<String> warnings, DayCost cost,
        DayCalls calls, BigDecimal borrowFee, String knowledgeCutoff, String market) {

    /** What a day stores for a model without training data (mock, builtin): it can remember nothing. */
    public static final String NO_TRAINING = "none";
}
