package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A model's replicas and temperature are checked at load; replicas expand into models with their own seeds. */
class ReplicasConfigTest {

    @TempDir
    Path dir;
    ConfigFixture fixture;
    ObjectNode config;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
        config = ConfigFixture.valid();
    }

    private ObjectNode firstModel() {
        return (ObjectNode) config.withArray("models").get(0);
    }

    @Test
    void replicasAreAWholeNumberFrom1To100AndTemperatureFrom0To2() {
        firstModel().put("replicas", 0).put("temperature", 2.5);
        assertEquals(List.of("models[0].replicas must be a whole number from 1 to 100 (got 0)",
                "models[0].temperature must be a number from 0 to 2 (got 2.5)"), fixture.problems(config));
        firstModel().put("replicas", 101).put("temperature", 0);
        assertEquals(List.of("models[0].replicas must be a whole number from 1 to 100 (got 101)"),
                fixture.problems(config));
    }

    @Test
    void replicasExpandIntoOwnSignaturesAndSeeds() {
        SimulationConfig loaded = fixture.load(config);
        ModelSpec base = loaded.models().get(0);
        ModelSpec mock = new ModelSpec("M", "m", ModelSpec.MOCK, "mock", true, null, null,
                Map.of("seed", 11, "replicas", 3));
        ModelSpec unseeded = new ModelSpec("U", "u", ModelSpec.MOCK, "mock", true, null, null, Map.of("replicas", 2));
        ModelSpec llm = new ModelSpec("G", "g", ModelSpec.OPENAI, "gpt", true, null, null, Map.of("replicas", 2));
        SimulationConfig expanded = Replicas.expand(loaded.withModels(List.of(mock, unseeded, llm, base)), null);
        assertEquals(List.of("m#1", "m#2", "m#3", "u#1", "u#2", "g#1", "g#2", base.signature()),
                expanded.models().stream().map(ModelSpec::signature).toList());
        assertEquals(List.of("12", "13", "14"), expanded.models().subList(0, 3).stream().map(m -> m.option("seed"))
                .toList());
        assertEquals(String.valueOf("u".hashCode() + 2L), expanded.models().get(4).option("seed"));
        assertEquals(List.of("1", "2"), expanded.models().subList(5, 7).stream().map(m -> m.option("seed")).toList());
        assertEquals("m", expanded.models().get(1).option(Replicas.OF));
        assertEquals(null, expanded.models().get(1).option(Replicas.OPTION));
        assertEquals("M #2", expanded.models().get(1).name());

        SimulationConfig forAll = Replicas.expand(loaded.withModels(List.of(mock, base)), 1);
        assertEquals(List.of("m", base.signature()), forAll.models().stream().map(ModelSpec::signature).toList(),
                "the trigger's 1 wins over a model's 3");
        assertEquals("m", Replicas.base("m#12"));
        assertEquals("m#0", Replicas.base("m#0"));
        assertEquals("plain", Replicas.base("plain"));
    }
}
