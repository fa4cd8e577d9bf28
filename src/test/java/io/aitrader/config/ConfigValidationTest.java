package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ConfigValidationTest {

    @TempDir
    Path dir;
    ConfigFixture fixture;
    ObjectNode config;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
        config = ConfigFixture.valid();
    }

    private ObjectNode model(int index) {
        return (ObjectNode) config.get("models").get(index);
    }

    private ObjectNode agent() {
        return (ObjectNode) config.get("agent_config");
    }

    private void assertProblem(String expected) {
        List<String> problems = fixture.problems(config);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> "expected '" + expected + "' in "
                + problems);
    }

    @Test
    void validConfigLoadsWithEveryField() {
        SimulationConfig loaded = fixture.load(config);
        assertEquals("BaseAgent", loaded.agentType());
        assertEquals(LocalDate.of(2025, 10, 1), loaded.dateRange().initDate());
        assertEquals(LocalDate.of(2025, 10, 21), loaded.dateRange().endDate());
        assertEquals(List.of("mock-trader", "baseline-qqq"),
                loaded.models().stream().map(ModelSpec::signature).toList());
        assertEquals(new AgentSettings(30, 3, 1.0, new BigDecimal("10000.0"), 60, 600), loaded.agentConfig());
        assertEquals(List.of("AAPL", "MSFT"), loaded.symbols());
        assertEquals("QQQ", loaded.benchmark());
        ModelSpec mock = loaded.model("mock-trader").orElseThrow();
        assertEquals("mock", mock.provider());
        assertTrue(mock.enabled(), "enabled defaults to true");
        assertEquals("42", mock.option("seed"));
        assertEquals("QQQ", loaded.model("baseline-qqq").orElseThrow().option("symbol"),
                "buy-and-hold without a symbol holds the benchmark");
    }

    @Test
    void absentOptionalSectionsTakeTheContractDefaults() {
        config.remove(List.of("agent_config", "date_range", "agent_type"));
        SimulationConfig loaded = fixture.load(config);
        assertEquals(new AgentSettings(30, 3, 1.0, BigDecimal.valueOf(10000), 60, 600), loaded.agentConfig());
        assertNull(loaded.dateRange().initDate());
        assertEquals("BaseAgent", loaded.agentType());
    }

    @Test
    void jsonSyntaxErrorNamesThePosition() {
        List<String> problems = fixture.problems("{\"models\": [\n  {\"name\": \"x\",,}]}");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("not valid JSON (line 2"), problems::toString);
    }

    @Test
    void duplicateJsonKeysAreASyntaxProblem() {
        assertTrue(fixture.problems("{\"benchmark\": \"QQQ\", \"benchmark\": \"SPY\"}").get(0)
                .contains("not valid JSON"));
    }

    @Test
    void modelsAreRequired() {
        config.remove("models");
        assertProblem("models is required");
    }

    @Test
    void signatureIsRequired() {
        model(0).remove("signature");
        assertProblem("models[0].signature is required");
    }

    @Test
    void nameIsRequired() {
        model(1).remove("name");
        assertProblem("models[1].name is required");
    }

    @Test
    void basemodelIsRequiredForLlmProviders() {
        ArrayNode models = (ArrayNode) config.get("models");
        models.addObject().put("name", "a").put("signature", "a");
        models.addObject().put("name", "b").put("signature", "b").put("provider", "anthropic");
        models.addObject().put("name", "c").put("signature", "c").put("provider", "ollama");
        List<String> problems = fixture.problems(config);
        assertTrue(problems.contains("models[2].basemodel is required for provider openai"), problems::toString);
        assertTrue(problems.contains("models[3].basemodel is required for provider anthropic"), problems::toString);
        assertTrue(problems.contains("models[4].basemodel is required for provider ollama"), problems::toString);
    }

    @Test
    void builtinNeedsAKnownStrategy() {
        model(1).put("basemodel", "momentum");
        assertProblem("models[1].basemodel must be buy-and-hold or equal-weight");
    }

    @Test
    void signaturesAreUnique() {
        model(1).put("signature", "mock-trader");
        assertProblem("models[1].signature 'mock-trader' is already used by models[0]");
    }

    @Test
    void signatureCharsetIsChecked() {
        model(0).put("signature", "bad sig/..");
        model(1).put("signature", "x".repeat(65));
        List<String> problems = fixture.problems(config);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("models[0].signature 'bad sig/..' must be")),
                problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("models[1].signature")), problems::toString);
    }

    @Test
    void atLeastOneModelIsEnabled() {
        model(0).put("enabled", false);
        model(1).put("enabled", "false");
        assertProblem("models must include at least one enabled model");
    }

    @Test
    void providerMustBeKnown() {
        model(0).put("provider", "gemini");
        assertProblem("models[0].provider 'gemini' is not one of");
    }

    @Test
    void maxStepsMustBePositive() {
        agent().put("max_steps", 0);
        assertProblem("agent_config.max_steps must be a positive integer (got 0)");
    }

    @Test
    void initialCashMustBePositive() {
        agent().put("initial_cash", -5);
        assertProblem("agent_config.initial_cash must be positive");
    }

    @Test
    void maxRetriesMayBeZeroButNotNegative() {
        agent().put("max_retries", 0);
        assertEquals(0, fixture.load(config).agentConfig().maxRetries());
        agent().put("max_retries", -1);
        assertProblem("agent_config.max_retries must be 0 or more");
    }

    @Test
    void baseDelayMustNotBeNegative() {
        agent().put("base_delay", -0.5);
        assertProblem("agent_config.base_delay must be 0 or more");
    }

    @Test
    void timeoutsMustBePositive() {
        agent().put("call_timeout_seconds", 0).put("day_timeout_seconds", -1);
        List<String> problems = fixture.problems(config);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("agent_config.call_timeout_seconds must be")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("agent_config.day_timeout_seconds must be")));
    }

    @Test
    void numbersMustBeNumbers() {
        agent().put("max_steps", "many").put("max_retries", 2.5);
        List<String> problems = fixture.problems(config);
        assertTrue(problems.contains("agent_config.max_steps must be a number"), problems::toString);
        assertTrue(problems.contains("agent_config.max_retries must be a whole number"), problems::toString);
    }

    @Test
    void datesMustBeReal() {
        ((ObjectNode) config.get("date_range")).put("init_date", "2025-02-30").put("end_date", "10/21/2025");
        List<String> problems = fixture.problems(config);
        assertTrue(problems.contains("date_range.init_date '2025-02-30' is not a real date in YYYY-MM-DD form"),
                problems::toString);
        assertTrue(problems.contains("date_range.end_date '10/21/2025' is not a real date in YYYY-MM-DD form"),
                problems::toString);
    }

    @Test
    void initDateMustNotBeAfterEndDate() {
        ((ObjectNode) config.get("date_range")).put("init_date", "2025-10-22");
        assertProblem("date_range.init_date 2025-10-22 is after date_range.end_date 2025-10-21");
    }

    @Test
    void symbolsMustNotBeEmpty() {
        config.putArray("symbols");
        assertProblem("symbols must list at least one ticker");
    }

    @Test
    void symbolsMustBeUppercaseTickers() {
        config.putArray("symbols").add("AAPL").add("msft").add("AAPL");
        List<String> problems = fixture.problems(config);
        assertTrue(problems.contains("symbols has 'msft', which is not an uppercase ticker"), problems::toString);
        assertTrue(problems.contains("symbols lists AAPL more than once"), problems::toString);
    }

    @Test
    void symbolsMayNameASymbolListFile() {
        fixture.write("tech_symbols.json", "{\"name\": \"tech\", \"symbols\": [\"NVDA\", \"AMD\"]}");
        config.put("symbols", "tech");
        assertEquals(List.of("NVDA", "AMD"), fixture.load(config).symbols());
        config.put("symbols", "nope");
        assertProblem("symbols 'nope' names a symbol list, but nope_symbols.json is not in the configs directory");
    }

    @Test
    void benchmarkMustBeATicker() {
        config.put("benchmark", "");
        assertProblem("benchmark must be an uppercase ticker");
        config.remove("benchmark");
        assertEquals("QQQ", fixture.load(config).benchmark(), "an absent benchmark is the contract's default, QQQ");
    }

    @Test
    void everyProblemOfAFileIsListed() {
        config.remove("models");
        agent().put("max_steps", -1).put("initial_cash", 0).put("max_retries", -2);
        ((ObjectNode) config.get("date_range")).put("init_date", "2025-11-01");
        config.putArray("symbols");
        config.put("benchmark", "qqq");
        List<String> problems = fixture.problems(config);
        assertEquals(7, problems.size(), problems::toString);
        assertTrue(problems.contains("models is required"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("agent_config.max_steps")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("agent_config.initial_cash")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("agent_config.max_retries")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("date_range.init_date")));
        assertTrue(problems.contains("symbols must list at least one ticker"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("benchmark")));
    }

    @Test
    void invalidConfigIsA400WithTheProblemsInDetails() {
        agent().put("max_steps", 0);
        fixture.write("c.json", config.toString());
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> fixture.service().load("c.json"));
        assertEquals(400, e.status());
        assertEquals("invalid_config", e.code());
        assertEquals(e.problems(), e.toError().details().get("problems"));
        assertEquals("c.json", e.toError().details().get("config_path"));
    }

    @Test
    void otherModelKeysBecomeOptionsAndKeyAliasesAreAccepted() {
        ArrayNode models = (ArrayNode) config.get("models");
        models.addObject().put("name", "Local").put("signature", "local").put("basemodel", "llama3")
                .put("provider", "Ollama").put("base_url", "http://localhost:11434").put("api_key", "sk-alias-key")
                .put("temperature", 0.2).put("latency_ms", 5);
        ModelSpec local = fixture.load(config).model("local").orElseThrow();
        assertEquals("ollama", local.provider());
        assertEquals("http://localhost:11434", local.baseUrl());
        assertEquals("sk-alias-key", local.apiKey());
        assertEquals("0.2", local.option("temperature"));
        assertEquals("5", local.option("latency_ms"));
        assertFalse(local.options().containsKey("api_key"), "keys never land in options");
        assertFalse(local.toString().contains("sk-alias-key"), "toString hides the key");
    }

    @Test
    void promptCacheIsABooleanOption() {
        ArrayNode models = (ArrayNode) config.get("models");
        models.addObject().put("name", "Claude").put("signature", "claude").put("provider", "anthropic")
                .put("basemodel", "claude-sonnet-4-5").put("api_key", "k").put("prompt_cache", false);
        assertEquals("false", fixture.load(config).model("claude").orElseThrow().option(ModelSpec.PROMPT_CACHE));
        ((ObjectNode) models.get(2)).put("prompt_cache", "sometimes");
        assertProblem("models[2].prompt_cache must be true or false");
    }
}
