package io.aitrader.trading.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The trading rules of a run (contract section 10): costs, shorting, position limits, lots and settlement. Rates are
 * basis points (1 bp = 0.01 %) and shares are percentages (25 = 25 %). {@link #NONE} is the contract's section 4.2:
 * no costs, long only, no limits, single shares, same-day settlement. {@code maxPositionPct}, {@code maxPositions}
 * and {@code priceLimitPct} (a market's daily limit against the previous close, contract 12) are null when there is
 * no limit. {@code quantityDecimals} is how many decimals an order's amount may have (contract 12: 0, whole shares,
 * for stocks; 6 for crypto).
 */
@RegisterForReflection // native image: a job stores its rules as JSON with its config (StoredConfigs)
public record TradingRules(String name, BigDecimal commissionBps, BigDecimal commissionPerShare,
        BigDecimal commissionMin, BigDecimal slippageBps, boolean allowShort, BigDecimal shortMarginPct,
        BigDecimal maintenanceMarginPct, BigDecimal borrowFeeBpsPerYear, BigDecimal maxPositionPct,
        Integer maxPositions, int lotSize, Settlement settlement, BigDecimal minCashPct, BigDecimal priceLimitPct,
        int quantityDecimals) {

    /** The most decimals an amount may have: crypto's, contract 12. */
    public static final int MAX_QUANTITY_DECIMALS = 6;

    /** When bought shares may be sold: the same day (T0) or from the next trading day (T1). */
    @RegisterForReflection // native image: read back by Jackson with the job's stored rules
    public enum Settlement {
        T0, T1
    }

    /**
     * The rules of contract 4.2. The short margins (150 % initial, 130 % maintenance, the usual US broker figures)
     * only matter once {@code allow_short} is switched on; they are the defaults a rules object starts from.
     */
    public static final TradingRules NONE = new TradingRules("none", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, false, BigDecimal.valueOf(150), BigDecimal.valueOf(130), BigDecimal.ZERO, null, null, 1,
            Settlement.T0, BigDecimal.ZERO);

    /** Rules for whole shares. */
    public TradingRules(String name, BigDecimal commissionBps, BigDecimal commissionPerShare, BigDecimal commissionMin,
            BigDecimal slippageBps, boolean allowShort, BigDecimal shortMarginPct, BigDecimal maintenanceMarginPct,
            BigDecimal borrowFeeBpsPerYear, BigDecimal maxPositionPct, Integer maxPositions, int lotSize,
            Settlement settlement, BigDecimal minCashPct, BigDecimal priceLimitPct) {
        this(name, commissionBps, commissionPerShare, commissionMin, slippageBps, allowShort, shortMarginPct,
                maintenanceMarginPct, borrowFeeBpsPerYear, maxPositionPct, maxPositions, lotSize, settlement,
                minCashPct, priceLimitPct, 0);
    }

    /** Rules for whole shares without a daily price limit. */
    public TradingRules(String name, BigDecimal commissionBps, BigDecimal commissionPerShare, BigDecimal commissionMin,
            BigDecimal slippageBps, boolean allowShort, BigDecimal shortMarginPct, BigDecimal maintenanceMarginPct,
            BigDecimal borrowFeeBpsPerYear, BigDecimal maxPositionPct, Integer maxPositions, int lotSize,
            Settlement settlement, BigDecimal minCashPct) {
        this(name, commissionBps, commissionPerShare, commissionMin, slippageBps, allowShort, shortMarginPct,
                maintenanceMarginPct, borrowFeeBpsPerYear, maxPositionPct, maxPositions, lotSize, settlement,
                minCashPct, null);
    }

    public TradingRules {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commissionBps, "commissionBps");
        Objects.requireNonNull(commissionPerShare, "commissionPerShare");
        Objects.requireNonNull(commissionMin, "commissionMin");
        Objects.requireNonNull(slippageBps, "slippageBps");
        Objects.requireNonNull(shortMarginPct, "shortMarginPct");
        Objects.requireNonNull(maintenanceMarginPct, "maintenanceMarginPct");
        Objects.requireNonNull(borrowFeeBpsPerYear, "borrowFeeBpsPerYear");
        Objects.requireNonNull(settlement, "settlement");
        Objects.requireNonNull(minCashPct, "minCashPct");
        if (lotSize < 1) {
            throw new IllegalArgumentException("lot size must be at least 1: " + lotSize);
        }
        if (quantityDecimals < 0 || quantityDecimals > MAX_QUANTITY_DECIMALS) {
            throw new IllegalArgumentException("quantity decimals must be from 0 to " + MAX_QUANTITY_DECIMALS + ": "
                    + quantityDecimals);
        }
    }

    /** True when some commission rate is set (only then does {@code commissionMin} apply). */
    public boolean chargesCommission() {
        return commissionBps.signum() != 0 || commissionPerShare.signum() != 0;
    }

    /**
     * True when these rules cost and limit trades exactly as {@link #NONE} does, whatever their name and however many
     * decimals an amount may have.
     */
    public boolean tradesAsNone() {
        return describe().isEmpty();
    }

    public TradingRules withName(String newName) {
        return new TradingRules(newName, commissionBps, commissionPerShare, commissionMin, slippageBps, allowShort,
                shortMarginPct, maintenanceMarginPct, borrowFeeBpsPerYear, maxPositionPct, maxPositions, lotSize,
                settlement, minCashPct, priceLimitPct, quantityDecimals);
    }

    public TradingRules withQuantityDecimals(int decimals) {
        return new TradingRules(name, commissionBps, commissionPerShare, commissionMin, slippageBps, allowShort,
                shortMarginPct, maintenanceMarginPct, borrowFeeBpsPerYear, maxPositionPct, maxPositions, lotSize,
                settlement, minCashPct, priceLimitPct, decimals);
    }

    /** True when an amount may have decimals (crypto), false for whole shares. */
    public boolean fractional() {
        return quantityDecimals > 0;
    }

    /** The active rules in plain words, one line each, for the system prompt; empty for rules that trade as NONE. */
    public List<String> describe() {
        return RulesDescription.of(this);
    }
}
