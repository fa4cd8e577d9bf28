package io.aitrader.jobs.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.aitrader.trading.rules.TradingRules;

/**
 * A stored job row. {@code configJson} is the resolved config the job runs (no API keys); {@code maxCostUsd} caps
 * what the whole job may spend (null: no cap); {@code replayOf} is the job a replay reproduces (null: no replay),
 * {@code rescoreOf} the job whose orders a re-scoring applies again under other rules (null: no re-scoring);
 * {@code rules} are the trading rules of its config (never null: {@link TradingRules#NONE} for jobs without).
 */
public record JobRecord(String jobId, JobStatus status, String configPath, String configJson,
        List<LocalDate> dateRange, List<String> models, String workKey, boolean replaceExisting,
        List<String> warnings, String error, String triggeredBy, String createdAt, String startedAt,
        String updatedAt, String completedAt, BigDecimal maxCostUsd, String replayOf, String rescoreOf,
        TradingRules rules) {

    public JobRecord {
        rules = rules == null ? TradingRules.NONE : rules;
    }

    public boolean replay() {
        return replayOf != null;
    }
}
