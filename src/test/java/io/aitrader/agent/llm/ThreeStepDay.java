package io.aitrader.agent.llm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.llm.OpenAiStandIn.Recorded;
import io.aitrader.agent.llm.OpenAiStandIn.Reply;

/**
 * A model-day in three calls and a summary, answered in the request's own wire format (a path ending in
 * {@code /messages} is Anthropic's, any other OpenAI's): look up AAPL's open, buy one share, finish; a request
 * without tools is the summary. Each answer's usage comes from the prompt-cache emulation and is kept in
 * {@link #sent}, so a test can add up what the provider billed without asking the service.
 */
public final class ThreeStepDay implements Function<Recorded, Reply> {

    /** The usage of one answer: {@code openAi} or {@code anthropic} is set, as the request's format was. */
    public record Sent(String path, String date, ChatJson.Usage openAi, AnthropicJson.Usage anthropic) {
    }

    static final String SUMMARY = "A calm day: I bought 1 AAPL share at the open and held the rest in cash.";
    private static final Pattern DAY = Pattern.compile(
            "(?:" + SystemPrompt.DATE_LINE + "|Date: )(\\d{4}-\\d{2}-\\d{2})");

    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final PromptCacheEmulation cache;

    public ThreeStepDay(PromptCacheEmulation cache) {
        this.cache = cache;
    }

    @Override
    public Reply apply(Recorded request) {
        JsonNode body = request.json();
        Matcher day = DAY.matcher(request.body());
        String date = day.find() ? day.group(1) : "1970-01-01";
        boolean anthropic = request.path().endsWith("/messages");
        String text;
        String tool = null;
        String arguments = null;
        if (body.path("tools").isEmpty()) {
            text = SUMMARY;
        } else {
            long answered = 0;
            for (JsonNode message : body.path("messages")) {
                answered += "assistant".equals(message.path("role").asText()) ? 1 : 0;
            }
            text = answered == 0
                    ? "Checking Apple."
                    : answered == 1
                            ? "Buying one share."
                            : "Done. "
                                    + SystemPrompt.FINISH_SIGNAL;
            tool = answered == 0 ? "get_price_local" : answered == 1 ? "buy" : null;
            arguments = answered == 0
                    ? "{\"symbol\":\"AAPL\",\"date\":\"" + date + "\"}"
                    : "{\"symbol\":\"AAPL\",\"amount\":1}";
        }
        long output = PromptCacheEmulation.tokens(text) + (tool == null ? 0 : PromptCacheEmulation.tokens(arguments));
        if (anthropic) {
            AnthropicJson.Usage usage = cache.anthropic(body, output);
            sent.add(new Sent(request.path(), date, null, usage));
            return Reply.ok(tool == null
                    ? AnthropicJson.text(text, usage)
                    : AnthropicJson.toolUse(text, usage, new AnthropicJson.ToolUse("toolu_" + tool, tool, arguments)));
        }
        ChatJson.Usage usage = cache.openAi(body, output);
        sent.add(new Sent(request.path(), date, usage, null));
        return Reply.ok(tool == null
                ? ChatJson.text(text, usage)
                : ChatJson.tools(text, usage, ChatJson.call("call_" + tool, tool, arguments)));
    }
}
