package io.aitrader.results;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A filled order as results show it (contract 10): {@code price} is the day's open, {@code fill_price} what the order
 * filled at after slippage, {@code total} the notional at the fill price; {@code reason} only on trades the model did
 * not make (a margin call's {@code cover}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TradeView(long id,
        @Schema(description = "buy, sell, or cover (a short bought back by a margin call)") String action,
        String symbol,
        @Schema(description = "Shares, or for crypto coins to 6 decimals") BigDecimal amount,
        @Schema(description = "The day's open price") BigDecimal price,
        @Schema(description = "Notional: fill_price × amount") BigDecimal total,
        @Schema(description = "The price the order filled at: the open moved by the rules' slippage") @JsonProperty("fill_price") BigDecimal fillPrice,
        @Schema(description = "The order's commission, in currency") BigDecimal commission,
        @Schema(description = "|fill_price − price| × amount, in currency") BigDecimal slippage,
        @Schema(description = "Why the trade was made when the model did not make it: margin_call", nullable = true) String reason) {
}
