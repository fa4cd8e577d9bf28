package io.aitrader.jobs.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.RecordedCall;
import io.aitrader.cost.DayCost;
import io.aitrader.cost.Tokens;
import io.aitrader.jobs.store.ModelCallRepository;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.prices.PriceBar;

/** The bundle's model_day, price and call lines, written from the stores' records and read back into them. */
final class BundleLines {

    private BundleLines() {
    }

    static Map<String, Object> modelDay(ModelDay day) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("model", day.model());
        line.put("date", day.date().toString());
        line.put("status", day.status().wire());
        line.put("started_at", day.startedAt());
        line.put("completed_at", day.completedAt());
        line.put("error", day.error());
        DayCost cost = day.cost();
        if (cost != null) {
            line.put("llm_calls", cost.calls());
            line.put("input_tokens", cost.tokens().input());
            line.put("cached_input_tokens", cost.tokens().cachedInput());
            line.put("cache_write_tokens", cost.tokens().cacheWrite());
            line.put("output_tokens", cost.tokens().output());
            line.put("cost_usd", cost.costUsd());
            line.put("served_calls", cost.servedCalls());
        }
        return line;
    }

    static ModelDay modelDay(JsonNode line, String jobId) {
        DayCost cost = line.hasNonNull("llm_calls")
                ? new DayCost(line.get("llm_calls").asInt(), new Tokens(line.path("input_tokens").asLong(),
                        line.path("cached_input_tokens").asLong(), line.path("cache_write_tokens").asLong(),
                        line.path("output_tokens").asLong()),
                        line.hasNonNull("cost_usd") ? line.get("cost_usd").decimalValue() : null,
                        line.path("served_calls").asInt())
                : null;
        return new ModelDay(0, jobId, text(line, "model"), LocalDate.parse(text(line, "date")),
                ModelDayStatus.fromWire(text(line, "status")), line.path("started_at").textValue(),
                line.path("completed_at").textValue(), line.path("error").textValue(), cost);
    }

    static Map<String, Object> price(PriceBar bar) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("symbol", bar.symbol());
        line.put("date", bar.date().toString());
        line.put("open", bar.open());
        line.put("high", bar.high());
        line.put("low", bar.low());
        line.put("close", bar.close());
        line.put("volume", bar.volume());
        line.put("source", bar.source());
        return line;
    }

    static PriceBar price(JsonNode line) {
        return new PriceBar(text(line, "symbol"), LocalDate.parse(text(line, "date")), decimal(line, "open", true),
                decimal(line, "high", false), decimal(line, "low", false), decimal(line, "close", false),
                line.hasNonNull("volume") ? line.get("volume").asLong() : null, text(line, "source"));
    }

    static Map<String, Object> call(ModelCallRepository.JobCall recorded) {
        RecordedCall call = recorded.call();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("model", recorded.model());
        line.put("basemodel", recorded.basemodel());
        line.put("date", recorded.date().toString());
        line.put("step", call.step());
        line.put("attempt", call.attempt());
        line.put("url", call.url());
        line.put("request_hash", call.requestHash());
        line.put("request", call.request());
        line.put("status", call.status());
        line.put("response", call.response());
        line.put("served_by", call.servedBy());
        return line;
    }

    static ModelCallRepository.JobCall call(JsonNode line) {
        RecordedCall call = new RecordedCall(whole(line, "step"), whole(line, "attempt"), text(line, "url"),
                text(line, "request_hash"), text(line, "request"), whole(line, "status"), text(line, "response"),
                text(line, "served_by"));
        return new ModelCallRepository.JobCall(text(line, "model"), line.path("basemodel").textValue(),
                LocalDate.parse(text(line, "date")), call);
    }

    /** A required text field; a missing one is a malformed bundle. */
    static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("a " + line.path("type").asText("?") + " line lacks its " + field);
        }
        return value.textValue();
    }

    private static int whole(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new IllegalArgumentException("a " + line.path("type").asText("?") + " line lacks its " + field);
        }
        return value.intValue();
    }

    private static BigDecimal decimal(JsonNode line, String field, boolean required) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("a price line lacks its " + field);
            }
            return null;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("a price line's " + field + " is not a number");
        }
        return value.decimalValue();
    }
}
