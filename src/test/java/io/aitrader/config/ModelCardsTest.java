package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** model_cards.json: every shipped entry dated and sourced; lookups by name, alias and vendor prefix; no guesses. */
class ModelCardsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theShippedCardsReadWithoutProblemsAndAnswerByNameAliasAndVendorPrefix() {
        ModelCards cards = ModelCards.read(Path.of("configs", ModelCards.FILE_NAME), JSON);
        assertEquals(List.of(), cards.problems());
        assertEquals(Optional.of(LocalDate.of(2023, 10, 1)), cards.find("gpt-4o-mini"));
        assertEquals(Optional.of(LocalDate.of(2023, 10, 1)), cards.find("GPT-4o-mini-2024-07-18"));
        assertEquals(Optional.of(LocalDate.of(2023, 10, 1)), cards.find("openrouter/gpt-4o-mini"));
        assertEquals(Optional.empty(), cards.find("gpt-standin"));
        assertEquals(Optional.empty(), cards.find(null));
    }

    @Test
    void anEntryWithoutSourceOrDateIsAProblemAndTheOthersStillCount() throws IOException {
        Path file = dir.resolve(ModelCards.FILE_NAME);
        Files.writeString(file, """
                {"models": [{"basemodel": "a", "knowledge_cutoff": "2024-01-31", "source": "x"},
                            {"basemodel": "b", "knowledge_cutoff": "2024-01-31"},
                            {"basemodel": "c", "knowledge_cutoff": "early 2024", "source": "y"}]}
                """);
        ModelCards cards = ModelCards.read(file, JSON);
        assertEquals(Optional.of(LocalDate.of(2024, 1, 31)), cards.find("a"));
        assertEquals(Optional.empty(), cards.find("b"));
        assertEquals(2, cards.problems().size(), cards.problems()::toString);
        assertTrue(ModelCards.read(dir.resolve("absent.json"), JSON).problems().isEmpty());
    }

    @Test
    void aModelsOwnCutoffMustBeADate() {
        ConfigFixture fixture = new ConfigFixture(dir);
        var config = ConfigFixture.valid();
        ((com.fasterxml.jackson.databind.node.ObjectNode) config.withArray("models").get(0))
                .put("knowledge_cutoff", "last spring");
        assertEquals(List.of("models[0].knowledge_cutoff must be a date (YYYY-MM-DD): the last day the model's"
                + " training data covers"), fixture.problems(config));
    }
}
