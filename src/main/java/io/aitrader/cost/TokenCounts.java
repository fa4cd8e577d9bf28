package io.aitrader.cost;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Token counts as the API shows them (contract 9): every input token, how many of them were cached, the output. */
@Schema(description = "Tokens of the model calls: input counts every input token, cached ones included; cached_input of them were read from the provider's prompt cache (billed at the cached price); output is what the model wrote.")
public record TokenCounts(
        @Schema(description = "Input tokens, cached ones included", example = "12840") long input,
        @Schema(description = "Input tokens read from the provider's prompt cache (part of input)", example = "9216") @JsonProperty("cached_input") long cachedInput,
        @Schema(description = "Output tokens", example = "1530") long output) {

    public static TokenCounts from(Tokens tokens) {
        return tokens == null ? null : new TokenCounts(tokens.input(), tokens.cachedInput(), tokens.output());
    }
}
