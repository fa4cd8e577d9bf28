package io.aitrader.agent.builtin;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.aitrader.agent.Trader;

/** The builtin baselines by their config {@code basemodel} name. */
public final class BuiltinTraders {

    public static final Set<String> BASEMODELS = Set.of(BuyAndHoldTrader.BASEMODEL, EqualWeightTrader.BASEMODEL);

    private BuiltinTraders() {
    }

    /** The trader for a builtin basemodel ("buy-and-hold", "equal-weight"; case and _ vs - ignored). */
    public static Optional<Trader> forBasemodel(String basemodel) {
        String name = basemodel == null ? "" : basemodel.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (name) {
            case BuyAndHoldTrader.BASEMODEL -> Optional.of(new BuyAndHoldTrader());
            case EqualWeightTrader.BASEMODEL -> Optional.of(new EqualWeightTrader());
            default -> Optional.empty();
        };
    }
}
