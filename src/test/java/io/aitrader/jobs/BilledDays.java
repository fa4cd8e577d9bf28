package io.aitrader.jobs;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.agent.llm.ThreeStepDay.Sent;

/**
 * What the stand-in billed each model-day, added up from its own record of the usage blocks it sent and priced the
 * way each vendor bills, without the service's classes: OpenAI's {@code prompt_tokens} include the cached ones,
 * Anthropic's three input counts are disjoint and each has its own price.
 */
final class BilledDays {

    /** USD per million tokens; {@code cacheWrite} is null for OpenAI-compatible models. */
    record Price(BigDecimal input, BigDecimal cachedInput, BigDecimal output, BigDecimal cacheWrite) {

        /** A {@code pricing} object of a config, or an entry of model_pricing.json. */
        static Price of(JsonNode node) {
            JsonNode write = node.get("cache_write_per_mtok");
            return new Price(node.path("input_per_mtok").decimalValue(), node.path("cached_input_per_mtok")
                    .decimalValue(), node.path("output_per_mtok").decimalValue(),
                    write == null ? null : write.decimalValue());
        }

        /** The latest entry of {@code basemodel} in the price file, read as plain JSON. */
        static Price fromPricingFile(Path file, String basemodel) throws IOException {
            JsonNode latest = null;
            for (JsonNode entry : JSON.readTree(Files.readString(file)).path("models")) {
                if (entry.path("basemodel").asText().equals(basemodel) && (latest == null
                        || entry.path("valid_from").asText().compareTo(latest.path("valid_from").asText()) > 0)) {
                    latest = entry;
                }
            }
            if (latest == null) {
                throw new AssertionError(basemodel + " is not in " + file);
            }
            return of(latest);
        }
    }

    /** One model-day: every input token, the cached ones, those written to the cache, the output; cost in USD. */
    record Day(int calls, long input, long cached, long cacheWrite, long output, BigDecimal costUsd) {

        /** Input tokens billed at the full price or above it (not read from a cache). */
        long uncachedInput() {
            return input - cached;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private BilledDays() {
    }

    /** The days of the calls sent to {@code pathPrefix}, by date; {@code price} null gives a null cost. */
    static Map<String, Day> of(List<Sent> sent, String pathPrefix, Price price) {
        Map<String, Day> days = new TreeMap<>();
        sent.stream().filter(s -> s.path().startsWith(pathPrefix))
                .forEach(s -> days.merge(s.date(), call(s, price), BilledDays::plus));
        return days;
    }

    private static Day call(Sent s, Price price) {
        if (s.anthropic() != null) {
            var u = s.anthropic();
            BigDecimal cost = price == null
                    ? null
                    : million(u.inputTokens(), price.input())
                            .add(million(u.cacheCreationInputTokens(), price.cacheWrite()))
                            .add(million(u.cacheReadInputTokens(), price.cachedInput()))
                            .add(million(u.outputTokens(), price.output()));
            return new Day(1, u.inputTokens() + u.cacheCreationInputTokens() + u.cacheReadInputTokens(),
                    u.cacheReadInputTokens(), u.cacheCreationInputTokens(), u.outputTokens(), cost);
        }
        var u = s.openAi();
        BigDecimal cost = price == null
                ? null
                : million(u.promptTokens() - u.cachedTokens(), price.input())
                        .add(million(u.cachedTokens(), price.cachedInput()))
                        .add(million(u.completionTokens(), price.output()));
        return new Day(1, u.promptTokens(), u.cachedTokens(), 0, u.completionTokens(), cost);
    }

    private static BigDecimal million(long tokens, BigDecimal perMillion) {
        return BigDecimal.valueOf(tokens).multiply(perMillion).divide(MILLION, MathContext.DECIMAL128);
    }

    private static Day plus(Day a, Day b) {
        return new Day(a.calls() + b.calls(), a.input() + b.input(), a.cached() + b.cached(),
                a.cacheWrite() + b.cacheWrite(), a.output() + b.output(),
                a.costUsd() == null ? null : a.costUsd().add(b.costUsd()));
    }
}
