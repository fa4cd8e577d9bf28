package io.aitrader.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The pricing file: the shipped one is complete and dated, lookups by name, alias and date, and its problems. */
class PriceListTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SHIPPED = Path.of("configs", PriceList.FILE_NAME);

    @Test
    void theShippedFileParsesWithoutProblemsAndEveryEntrySaysWhereItsFiguresComeFrom() throws Exception {
        PriceList prices = PriceList.read(SHIPPED, JSON);
        assertEquals(List.of(), prices.problems());
        JsonNode models = JSON.readTree(SHIPPED.toFile()).get("models");
        assertEquals(models.size(), prices.size());
        assertTrue(prices.size() >= 15, "the models people run today: " + prices.size());
        for (JsonNode entry : models) {
            assertTrue(entry.path("source").asText().startsWith("https://"), entry.toString());
            LocalDate.parse(entry.path("valid_from").asText());
        }
    }

    @Test
    void findsByBasemodelAliasOrVendorPrefixAndTakesTheEntryValidOnTheDate() {
        PriceList prices = PriceList.read(SHIPPED, JSON);
        LocalDate today = LocalDate.of(2026, 12, 2);
        ModelPrice mini = prices.find("gpt-4o-mini", today).orElseThrow();
        assertEquals(0, new BigDecimal("0.15").compareTo(mini.inputPerMtok()));
        assertEquals(0, new BigDecimal("0.075").compareTo(mini.cachedInputPerMtok()));
        assertEquals(0, new BigDecimal("0.60").compareTo(mini.outputPerMtok()));
        assertEquals(mini, prices.find("openai/gpt-4o-mini", today).orElseThrow(), "an alias");
        assertEquals(mini, prices.find("GPT-4o-mini", today).orElseThrow(), "names are not case-sensitive");
        assertEquals(mini, prices.find("someproxy/gpt-4o-mini", today).orElseThrow(), "a vendor prefix");
        assertEquals(0, new BigDecimal("3.75").compareTo(
                prices.find("claude-sonnet-4-5-20250929", today).orElseThrow().cacheWritePerMtok()));

        ModelPrice before = prices.find("deepseek-chat", LocalDate.of(2025, 9, 10)).orElseThrow();
        ModelPrice after = prices.find("deepseek-chat", LocalDate.of(2025, 10, 1)).orElseThrow();
        assertEquals(0, new BigDecimal("0.56").compareTo(before.inputPerMtok()), "the entry valid then");
        assertEquals(0, new BigDecimal("0.28").compareTo(after.inputPerMtok()), "the newer entry");
        assertTrue(prices.find("deepseek-chat", LocalDate.of(2025, 1, 1)).isEmpty(), "no entry valid yet");
        assertTrue(prices.find("no-such-model", today).isEmpty(), "unknown: no guess");
        assertTrue(prices.find(null, today).isEmpty());
    }

    @Test
    void aMissingFileIsEmptyAndAMalformedOneSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        assertEquals(0, PriceList.read(dir.resolve("absent.json"), JSON).size());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"models\": [");
        assertEquals(List.of("model_pricing.json is not valid JSON"), PriceList.read(broken, JSON).problems());
        Files.writeString(broken, """
                {"models": [
                  {"basemodel": "a", "valid_from": "2025-01-01", "source": "s", "input_per_mtok": -1,
                   "cached_input_per_mtok": 0, "output_per_mtok": 1},
                  {"basemodel": "b", "input_per_mtok": 1, "cached_input_per_mtok": 1, "output_per_mtok": 1},
                  {"basemodel": "c", "valid_from": "2025-01-01", "source": "s", "input_per_mtok": "x",
                   "output_per_mtok": 1},
                  {"basemodel": "d", "valid_from": "2025-01-01", "source": "s", "input_per_mtok": 1,
                   "cached_input_per_mtok": 0.5, "output_per_mtok": 2}
                ]}
                """);
        PriceList prices = PriceList.read(broken, JSON);
        assertEquals(1, prices.size(), "only the valid entry is kept");
        assertEquals(List.of("model_pricing.json models[0].input_per_mtok must not be negative (got -1)",
                "model_pricing.json models[1] needs valid_from and source: say since when and where the figures hold",
                "model_pricing.json models[2].input_per_mtok must be a number of USD per million tokens",
                "model_pricing.json models[2].cached_input_per_mtok is required"), prices.problems());
    }

    @Test
    void theFormulaBillsCachedInputAtItsPriceAndCacheWritesAtTheirs() {
        ModelPrice price = new ModelPrice(new BigDecimal("3.00"), new BigDecimal("0.30"), new BigDecimal("15.00"),
                null, null, null);
        // 10 000 input of which 8 000 cached, 500 output: (2000*3 + 8000*0.3 + 500*15) / 1e6
        assertEquals(new BigDecimal("0.01590000"), price.costUsd(new Tokens(10_000, 8_000, 0, 500)));
        ModelPrice withWrites = new ModelPrice(new BigDecimal("3.00"), new BigDecimal("0.30"),
                new BigDecimal("15.00"), new BigDecimal("3.75"), null, null);
        // 1 200 written to the cache cost 0.75 more each: + 1200*0.75/1e6
        assertEquals(new BigDecimal("0.01680000"), withWrites.costUsd(new Tokens(10_000, 8_000, 1_200, 500)));
        assertEquals(new BigDecimal("0.00000001"), new ModelPrice(new BigDecimal("0.005"), BigDecimal.ZERO,
                BigDecimal.ZERO, null, null, null).costUsd(new Tokens(1, 0, 0, 0)),
                "half a hundred-millionth rounds up");
        assertEquals(new BigDecimal("0E-8"), ModelPrice.FREE.costUsd(new Tokens(5000, 0, 0, 900)));
    }

    @Test
    void aDayCostIsUnknownWithoutAPriceOrWhenACallReportedNoUsage() {
        ModelPrice price = new ModelPrice(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, null, null, null);
        Tokens tokens = new Tokens(1_000_000, 0, 0, 0);
        assertEquals(0, BigDecimal.ONE.compareTo(DayCost.of(2, 0, tokens, price).costUsd()));
        assertEquals(null, DayCost.of(2, 0, tokens, null).costUsd(), "no price: null, never a guess");
        assertEquals(null, DayCost.of(2, 1, tokens, price).costUsd(), "a call without usage: unknown");
        assertEquals(BigDecimal.ZERO, DayCost.of(0, 0, Tokens.ZERO, null).costUsd(), "no call costs nothing");
        List<String> problems = new ArrayList<>();
        assertFalse(PriceFields.read(JSON.createObjectNode(), "pricing", problems).isPresent());
        assertEquals(3, problems.size(), problems.toString());
    }
}
