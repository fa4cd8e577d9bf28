package io.aitrader.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.results.DayResult;
import io.aitrader.results.ResultsService;
import io.aitrader.trading.Quantity;

/** One model-day for the dashboard, read through the same service as GET /results?detail=full. */
@ApplicationScoped
class DayPanels {

    private final ResultsService results;

    DayPanels(ResultsService results) {
        this.results = results;
    }

    DayPanel build(String model, String date) {
        if (model == null || model.isBlank() || date == null || date.isBlank()) {
            return DayPanel.empty("", "", "Pick a model and a day.");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return DayPanel.empty(model, date, "Not a date: use YYYY-MM-DD.");
        }
        Optional<ResultsService.Results> found = results.find(day, model, null, true);
        if (found.isEmpty()) {
            return DayPanel.empty(model, date, "No result for " + model + " on " + Fmt.day(day) + ".");
        }
        DayResult result = found.get().results().get(0);
        DayResult.DailyPnl pnl = result.dailyPnl();
        String sign = Fmt.currencySign(result.market());
        DayResult.TradingCosts dayCosts = result.costs();
        boolean costly = dayCosts != null && (dayCosts.commission().signum() != 0
                || dayCosts.slippage().signum() != 0 || dayCosts.borrowFee().signum() != 0);
        List<DayPanel.Trade> trades = result.trades() == null
                ? List.of()
                : result.trades().stream().map(t -> new DayPanel.Trade(t.action(), t.symbol(),
                        Quantity.format(t.amount()),
                        Fmt.money(t.price().doubleValue(), sign),
                        costly ? Fmt.money(t.fillPrice().doubleValue(), sign) : "",
                        Fmt.money(t.total().doubleValue(), sign),
                        costly ? Fmt.money(t.commission().add(t.slippage()).doubleValue(), sign) : "")).toList();
        List<String> positions = result.positions().entrySet().stream().map(Map.Entry::getKey)
                .filter(symbol -> !"CASH".equals(symbol))
                .map(symbol -> result.positions().get(symbol) + " " + symbol).collect(Collectors.toList());
        Object cash = result.positions().get("CASH");
        if (cash instanceof BigDecimal amount) {
            positions.add(Fmt.money(amount.doubleValue(), sign) + " cash");
        }
        DayResult.Reasoning reasoning = result.aiReasoning();
        String tools = reasoning == null || reasoning.toolUsage().isEmpty()
                ? Fmt.NONE
                : reasoning.toolUsage().entrySet().stream().map(e -> e.getKey() + " × " + e.getValue())
                        .collect(Collectors.joining(", "));
        String steps = reasoning == null
                ? ""
                : reasoning.totalSteps() + (reasoning.totalSteps() == 1 ? " step" : " steps")
                        + (reasoning.stopSignalReceived() ? ", finished with the stop signal" : ", no stop signal");
        return new DayPanel(model, date, null, Fmt.money(pnl.portfolioValue().doubleValue(), sign),
                (pnl.profit().signum() >= 0 ? "+" : "")
                        + Fmt.money(pnl.profit().doubleValue(), sign).replace(sign + "-", "-" + sign),
                Fmt.pct(pnl.returnPct().doubleValue()), Fmt.sign(pnl.returnPct().doubleValue()), trades, positions,
                reasoning == null || reasoning.reasoningSummary() == null ? "" : reasoning.reasoningSummary(), steps,
                tools, Boolean.TRUE.equals(result.stale()), costly ? costs(dayCosts, sign) : "",
                Boolean.TRUE.equals(result.inTrainingWindow()));
    }

    /** "$1.00 commission · $0.52 slippage", with the borrow fee when shorts paid one. */
    private static String costs(DayResult.TradingCosts costs, String sign) {
        String text = Fmt.money(costs.commission().doubleValue(), sign) + " commission · "
                + Fmt.money(costs.slippage().doubleValue(), sign) + " slippage";
        return costs.borrowFee().signum() == 0
                ? text
                : text + " · " + Fmt.money(costs.borrowFee().doubleValue(), sign) + " borrow fee";
    }
}
