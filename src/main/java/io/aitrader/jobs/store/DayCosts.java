package io.aitrader.jobs.store;

import java.util.Arrays;

import io.aitrader.cost.DayCost;

/** The usage and cost columns of job_details as one SET clause, and their parameters. */
final class DayCosts {

    static final String SET = "llm_calls = ?, input_tokens = ?, cached_input_tokens = ?, cache_write_tokens = ?, "
            + "output_tokens = ?, cost_usd = ?, served_calls = ?";

    private DayCosts() {
    }

    /** {@code head}, then the SET clause's seven values ({@code cost} null: all null), then {@code tail}. */
    static Object[] params(Object[] head, DayCost cost, Object... tail) {
        Object[] all = Arrays.copyOf(head, head.length + 7 + tail.length);
        if (cost != null) {
            all[head.length] = cost.calls();
            all[head.length + 1] = cost.tokens().input();
            all[head.length + 2] = cost.tokens().cachedInput();
            all[head.length + 3] = cost.tokens().cacheWrite();
            all[head.length + 4] = cost.tokens().output();
            all[head.length + 5] = cost.costUsd();
            all[head.length + 6] = cost.servedCalls();
        }
        System.arraycopy(tail, 0, all, head.length + 7, tail.length);
        return all;
    }
}
