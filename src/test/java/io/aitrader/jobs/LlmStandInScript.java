package io.aitrader.jobs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.llm.ChatJson;
import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.agent.llm.OpenAiStandIn.Recorded;
import io.aitrader.agent.llm.OpenAiStandIn.Reply;
import io.aitrader.testing.Jobs;

/**
 * The stand-in's behaviour in the end-to-end jobs: /broken/ always fails with 500, /slow/ answers after 400 ms and
 * never finishes; otherwise each day it looks up
 * AAPL's open, buys one share, then finishes, and answers the summary request with a sentence naming the trade.
 */
final class LlmStandInScript {

    private static final Pattern DATE = Pattern.compile(SystemPrompt.DATE_LINE + "(\\d{4}-\\d{2}-\\d{2})");

    private LlmStandInScript() {
    }

    /**
     * A started stand-in answering with this script, once the engine is idle and the test prices are in; the configs'
     * ${LLM_STANDIN_URL} and ${LLM_STANDIN_KEY} point at it.
     */
    static OpenAiStandIn started() {
        Jobs.awaitIdle();
        TestPrices.ensure();
        OpenAiStandIn standIn = OpenAiStandIn.start();
        standIn.otherwise(LlmStandInScript::answer);
        System.setProperty("LLM_STANDIN_URL", standIn.root());
        System.setProperty("LLM_STANDIN_KEY", LlmJobTest.KEY);
        return standIn;
    }

    static Reply answer(Recorded request) {
        if (request.path().startsWith("/broken/")) {
            return Reply.error(500, "upstream exploded");
        }
        if (request.path().startsWith("/slow/")) {
            return Reply.ok(ChatJson.tools("Still thinking.", ChatJson.call("call_a", "add", "{\"a\":1,\"b\":1}")))
                    .delayed(400);
        }
        JsonNode body = request.json();
        JsonNode messages = body.path("messages");
        if (!body.has("tools")) {
            return Reply.ok(ChatJson.text("A calm day: I bought 1 AAPL share at the open and held the rest in cash."));
        }
        String last = messages.get(messages.size() - 1).path("role").asText();
        if (last.equals("user")) {
            Matcher date = DATE.matcher(messages.get(0).path("content").asText());
            String day = date.find() ? date.group(1) : "1970-01-01";
            return Reply.ok(ChatJson.tools("Checking Apple, then buying one share.",
                    ChatJson.call("call_p", "get_price_local", "{\"symbol\":\"AAPL\",\"date\":\"" + day + "\"}"),
                    ChatJson.call("call_b", "buy", "{\"symbol\":\"AAPL\",\"amount\":1}")));
        }
        return Reply.ok(ChatJson.text("Positions are final for today. " + SystemPrompt.FINISH_SIGNAL));
    }
}
