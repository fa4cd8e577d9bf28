package io.aitrader.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aitrader.agent.builtin.BuyAndHoldTrader;
import io.aitrader.agent.builtin.EqualWeightTrader;
import io.aitrader.agent.factory.TraderFactory;
import io.aitrader.config.ModelSpec;
import io.aitrader.platform.http.SharedHttpClient;
import io.aitrader.platform.retry.Pause;

class TraderFactoryTest {

    private final TraderFactory factory = new TraderFactory(null, Pause.system(), new SharedHttpClient());

    private static ModelSpec spec(String provider, String basemodel, String apiKey) {
        return new ModelSpec("Model", "model-1", provider, basemodel, true, "http://localhost:1/v1", apiKey, Map.of());
    }

    private Trader create(ModelSpec spec) {
        return factory.create(spec, TestSessions.settings(30), TestSessions.UNIVERSE);
    }

    @Test
    void buildsTheTraderOfEachProvider() throws Exception {
        Trader mock = create(spec("mock", null, null));
        assertInstanceOf(AgentLoop.class, mock);
        assertTrue(mock.tradeDay(TestSessions.today(30)).stopSignalReceived(), "the mock runs through the loop");
        assertInstanceOf(BuyAndHoldTrader.class, create(spec("builtin", "buy-and-hold", null)));
        assertInstanceOf(EqualWeightTrader.class, create(spec("builtin", "equal-weight", null)));
        assertInstanceOf(AgentLoop.class, create(spec("openai", "gpt-5", "sk-test-key")));
        assertInstanceOf(AgentLoop.class, create(spec(null, "gpt-5", "sk-test-key")), "openai is the default");
    }

    @Test
    void refusesWhatItCannotBuildWithoutShowingTheKey() {
        assertThrows(IllegalArgumentException.class, () -> create(spec("carrier-pigeon", "x", null)));
        assertThrows(IllegalArgumentException.class, () -> create(spec("builtin", "momentum", null)));
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> create(spec("openai", "gpt-5", " ")));
        assertTrue(noKey.getMessage().contains("model-1"));
        assertFalse(List.of(noKey.getMessage()).toString().contains("sk-"));
    }
}
