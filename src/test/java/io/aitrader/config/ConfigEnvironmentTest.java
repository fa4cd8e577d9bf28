package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ${NAME} references, the OpenAI fallbacks and the override file. */
class ConfigEnvironmentTest {

    @TempDir
    Path dir;
    ConfigFixture fixture;
    ObjectNode config;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
        config = ConfigFixture.valid();
    }

    private ObjectNode addOpenAiModel(String signature) {
        return ((ArrayNode) config.get("models")).addObject().put("name", signature).put("signature", signature)
                .put("basemodel", "openai/gpt-5");
    }

    @Test
    void referencesAreResolvedFromTheEnvironment() {
        fixture.variables.put("ROUTER_KEY", "sk-router-123");
        fixture.variables.put("ROUTER_HOST", "router.example");
        addOpenAiModel("gpt-5").put("openai_api_key", "${ROUTER_KEY}")
                .put("openai_base_url", "https://${ROUTER_HOST}/api/v1");
        ModelSpec model = fixture.load(config).model("gpt-5").orElseThrow();
        assertEquals("sk-router-123", model.apiKey());
        assertEquals("https://router.example/api/v1", model.baseUrl());
    }

    @Test
    void aMissingVariableInAnEnabledModelIsAProblemNamingTheVariable() {
        addOpenAiModel("gpt-5").put("openai_api_key", "${ROUTER_KEY}");
        List<String> problems = fixture.problems(config);
        assertEquals(List.of("models[2].openai_api_key references ${ROUTER_KEY}, which is not set"), problems);
    }

    @Test
    void aMissingVariableInADisabledModelIsIgnored() {
        addOpenAiModel("gpt-5").put("enabled", false).put("openai_api_key", "${ROUTER_KEY}");
        ModelSpec model = fixture.load(config).model("gpt-5").orElseThrow();
        assertFalse(model.enabled());
        assertNull(model.apiKey());
    }

    @Test
    void aMissingVariableOutsideModelsIsAProblem() {
        config.put("benchmark", "${BENCHMARK_SYMBOL}");
        List<String> problems = fixture.problems(config);
        assertTrue(problems.contains("benchmark references ${BENCHMARK_SYMBOL}, which is not set"),
                problems::toString);
    }

    @Test
    void numbersMayComeFromVariables() {
        fixture.variables.put("MAX_STEPS", "12");
        ((ObjectNode) config.get("agent_config")).put("max_steps", "${MAX_STEPS}");
        assertEquals(12, fixture.load(config).agentConfig().maxSteps());
    }

    @Test
    void openAiModelsFallBackToOpenAiKeyAndBase() {
        fixture.openaiKey = Optional.of("sk-fallback");
        fixture.openaiBase = Optional.of("https://fallback.example/v1");
        addOpenAiModel("plain");
        addOpenAiModel("own").put("openai_api_key", "sk-own").put("openai_base_url", "https://own.example/v1");
        SimulationConfig loaded = fixture.load(config);
        ModelSpec plain = loaded.model("plain").orElseThrow();
        assertEquals("sk-fallback", plain.apiKey());
        assertEquals("https://fallback.example/v1", plain.baseUrl());
        ModelSpec own = loaded.model("own").orElseThrow();
        assertEquals("sk-own", own.apiKey());
        assertEquals("https://own.example/v1", own.baseUrl());
        assertNull(loaded.model("mock-trader").orElseThrow().apiKey(), "only openai models take the fallback");
    }

    @Test
    void theOverrideReplacesWholeSectionsAndKeepsTheOthers() {
        fixture.overridePath = Optional.of(fixture.write("override.json.txt",
                "{\"agent_config\": {\"max_steps\": 5}, \"benchmark\": \"SPY\"}"));
        SimulationConfig loaded = fixture.load(config);
        assertEquals(5, loaded.agentConfig().maxSteps());
        assertEquals(BigDecimal.valueOf(10000), loaded.agentConfig().initialCash(),
                "the section is replaced as a whole: keys it leaves out take their defaults");
        assertEquals("SPY", loaded.benchmark());
        assertEquals(List.of("AAPL", "MSFT"), loaded.symbols(), "sections the override lacks are kept");
        assertEquals(2, loaded.models().size());
    }

    @Test
    void theOverrideIsValidatedWithTheConfig() {
        fixture.overridePath = Optional.of(fixture.write("override.txt", "{\"agent_config\": {\"max_steps\": 0}}"));
        assertTrue(fixture.problems(config).contains("agent_config.max_steps must be a positive integer (got 0)"));
    }

    @Test
    void aBrokenOrMissingOverrideIsAProblem() {
        fixture.overridePath = Optional.of(fixture.write("override.txt", "{\"agent_config\": "));
        assertTrue(fixture.problems(config).get(0).startsWith("the override file (CONFIG_OVERRIDE_PATH) is not valid"));
        fixture.overridePath = Optional.of(dir.resolve("absent.json"));
        assertEquals(List.of("the override file (CONFIG_OVERRIDE_PATH) does not exist"), fixture.problems(config));
    }

    @Test
    void environmentToStringNeverShowsTheFallbackKey() {
        var environment = new ConfigEnvironment(dir, "x.json", Optional.empty(), Optional.of("sk-secret-fallback"),
                Optional.empty(), name -> null);
        assertFalse(environment.toString().contains("sk-secret-fallback"));
    }
}
