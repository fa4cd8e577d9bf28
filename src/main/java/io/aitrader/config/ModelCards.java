package io.aitrader.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The knowledge cutoffs of {@code model_cards.json} (contract 11): per basemodel and its aliases, the last date its
 * training data covers, with the source that states it. A model not listed has no known cutoff: never a guess.
 */
public final class ModelCards {

    public static final String FILE_NAME = "model_cards.json";

    private final Map<String, LocalDate> cutoffs;
    private final List<String> problems;

    private ModelCards(Map<String, LocalDate> cutoffs, List<String> problems) {
        this.cutoffs = cutoffs;
        this.problems = List.copyOf(problems);
    }

    /** The file's cards; a missing file is no cards, a malformed entry a problem (the others still count). */
    public static ModelCards read(Path file, ObjectMapper json) {
        Map<String, LocalDate> cutoffs = new HashMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return new ModelCards(cutoffs, problems);
        }
        JsonNode models;
        try {
            models = json.readTree(file.toFile()).path("models");
        } catch (IOException e) {
            problems.add(FILE_NAME + " is not valid JSON: no knowledge cutoff is known");
            return new ModelCards(cutoffs, problems);
        }
        for (int i = 0; i < models.size(); i++) {
            JsonNode node = models.get(i);
            String path = FILE_NAME + " models[" + i + "]";
            String basemodel = node.path("basemodel").asText("");
            if (basemodel.isBlank() || !node.hasNonNull("source")) {
                problems.add(path + " needs a basemodel and the source of its knowledge_cutoff");
                continue;
            }
            Optional<LocalDate> cutoff = date(node.path("knowledge_cutoff").asText(""));
            if (cutoff.isEmpty()) {
                problems.add(path + ".knowledge_cutoff must be a date (YYYY-MM-DD)");
                continue;
            }
            cutoffs.put(normal(basemodel), cutoff.get());
            node.path("aliases").forEach(alias -> cutoffs.put(normal(alias.asText()), cutoff.get()));
        }
        return new ModelCards(cutoffs, problems);
    }

    /** The cutoff of {@code basemodel}: by name or alias, else by the name after a vendor prefix. */
    public Optional<LocalDate> find(String basemodel) {
        if (basemodel == null || basemodel.isBlank()) {
            return Optional.empty();
        }
        String name = normal(basemodel);
        LocalDate exact = cutoffs.get(name);
        int slash = name.lastIndexOf('/');
        return Optional.ofNullable(exact != null || slash < 0 ? exact : cutoffs.get(name.substring(slash + 1)));
    }

    public List<String> problems() {
        return problems;
    }

    static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String normal(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
