package io.aitrader.agent.llm;

import static io.aitrader.agent.llm.ChatJson.text;
import static io.aitrader.agent.llm.OpenAiStandIn.Reply.error;
import static io.aitrader.agent.llm.OpenAiStandIn.Reply.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aitrader.agent.AgentLoop;
import io.aitrader.agent.DayTranscript;
import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.TraderCancelledException;
import io.aitrader.agent.TraderException;
import io.aitrader.config.ModelSpec;
import io.aitrader.platform.retry.Pause;
import io.aitrader.platform.retry.RetryPolicy;

/** The retry policy of contract 4.3 against the stand-in: what is retried, how long it waits, how it fails. */
class RetryTest {

    private static final String FINISH = text("Done. " + SystemPrompt.FINISH_SIGNAL);
    private static final String SUMMARY = text("No trades were made.");

    private final OpenAiStandIn standIn = OpenAiStandIn.start();

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void a429IsRetriedAfterTheWaitItsRetryAfterAsksFor() throws Exception {
        LlmTesting llm = new LlmTesting(5, 3, 10);
        standIn.then(error(429, "slow down").header("Retry-After", "7"), ok(FINISH), ok(SUMMARY));

        DayTranscript day = llm.trader(standIn).tradeDay(llm.session());

        assertTrue(day.stopSignalReceived());
        assertEquals(List.of(Duration.ofSeconds(7)), llm.waits);
        assertEquals(3, standIn.requests.size());
    }

    @Test
    void serverErrorsBackOffExponentiallyAndFailTheDayWithTheReasonButNeverTheKey() {
        LlmTesting llm = new LlmTesting(5, 3, 10);
        standIn.otherwise(r -> error(500, "upstream exploded for key " + LlmTesting.KEY));

        TraderException failure = assertThrows(TraderException.class,
                () -> llm.trader(standIn).tradeDay(llm.session()));

        assertTrue(failure.getMessage().startsWith("model call failed after 4 attempts: HTTP 500: upstream exploded"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains(LlmTesting.KEY), failure.getMessage());
        assertFalse(failure.getMessage().contains("SECRET"), failure.getMessage());
        assertEquals(4, standIn.requests.size());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)), llm.waits);
    }

    @Test
    void clientErrorsFailAtOnce() {
        LlmTesting llm = new LlmTesting(5, 3, 10);
        standIn.then(error(401, "Incorrect API key provided: " + LlmTesting.KEY));

        TraderException failure = assertThrows(TraderException.class,
                () -> llm.trader(standIn).tradeDay(llm.session()));

        assertEquals(1, standIn.requests.size());
        assertTrue(llm.waits.isEmpty());
        assertTrue(failure.getMessage().startsWith("model call failed: HTTP 401: Incorrect API key provided"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("0123456789abcdef"), failure.getMessage());
    }

    @Test
    void aSlowAnswerIsCutByTheCallTimeoutAndRetried() throws Exception {
        LlmTesting llm = new LlmTesting(5, 1, 1);
        standIn.then(ok(FINISH).delayed(3_000), ok(FINISH), ok(SUMMARY));

        DayTranscript day = llm.trader(standIn).tradeDay(llm.session());

        assertTrue(day.stopSignalReceived());
        assertEquals(1, llm.waits.size(), "one retry after the timeout");
        assertEquals(3, standIn.requests.size());

        LlmTesting noRetry = new LlmTesting(5, 0, 1);
        standIn.then(ok(FINISH).delayed(3_000));
        TraderException failure = assertThrows(TraderException.class,
                () -> noRetry.trader(standIn).tradeDay(noRetry.session()));
        assertTrue(failure.getMessage().startsWith("model call failed after 1 attempt: timed out"),
                failure.getMessage());
    }

    @Test
    void aMalformedBodyIsRetriedThenReported() throws Exception {
        LlmTesting llm = new LlmTesting(5, 1, 10);
        standIn.then(ok("{\"choices\": [ {\"message\": "), ok(FINISH), ok(SUMMARY));
        assertTrue(llm.trader(standIn).tradeDay(llm.session()).stopSignalReceived());
        assertEquals(1, llm.waits.size());

        standIn.then(ok("<html>Bad gateway</html>"), ok("not json either"));
        TraderException failure = assertThrows(TraderException.class,
                () -> llm.trader(standIn).tradeDay(llm.session()));
        assertEquals("model call failed after 2 attempts: malformed answer (not valid JSON)", failure.getMessage());
    }

    @Test
    void anUnreachableProviderIsAnIoErrorAndAStoppedDayStopsWaiting() {
        LlmTesting llm = new LlmTesting(5, 2, 2);
        String closed = standIn.baseUrl();
        standIn.close();
        TraderException failure = assertThrows(TraderException.class,
                () -> llm.trader("openai", closed, null).tradeDay(llm.session()));
        assertTrue(failure.getMessage().startsWith("model call failed after 3 attempts: I/O error"),
                failure.getMessage());

        LlmTesting stopping = new LlmTesting(5, 2, 2);
        Pause stopAtOnce = (duration, stop) -> {
            stopping.cancelled.set(true);
            return false;
        };
        ModelSpec spec = new ModelSpec("m", "m", ModelSpec.OPENAI, "gpt-test", true, closed, "k", Map.of());
        RetryingModelCaller caller = new RetryingModelCaller("m", ChatModels.build(ModelSpec.OPENAI, spec,
                stopping.settings, stopping.http.client()), "k", RetryingModelCaller.policy(stopping.settings),
                stopAtOnce);
        assertInstanceOf(TraderCancelledException.class, assertThrows(TraderException.class,
                () -> new AgentLoop(caller).tradeDay(stopping.session())));
    }

    @Test
    void retryAfterReadsSecondsAndHttpDatesAndTheWaitIsCapped() {
        Clock clock = Clock.fixed(Instant.parse("2025-10-01T12:00:00Z"), ZoneOffset.UTC);
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse(" 30 ", clock));
        assertEquals(Duration.ofMillis(1500), RetryAfter.parse("1.5", clock));
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Wed, 01 Oct 2025 12:01:30 GMT", clock));
        assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 01 Oct 2025 11:00:00 GMT", clock));
        assertEquals(null, RetryAfter.parse("soon", clock));
        assertEquals(null, RetryAfter.parse("-3", clock));
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(60), policy.cap(Duration.ofHours(1)));
        assertEquals(Duration.ofSeconds(60), policy.backoff(9));
        assertEquals(Duration.ofSeconds(4), policy.backoff(3));
    }
}
