package io.aitrader.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The prices of {@code model_pricing.json}: dated entries per basemodel, each with its aliases (a provider's dated
 * snapshot names, an OpenRouter-style {@code vendor/model} name). A model's price on a date is the entry with the
 * latest {@code valid_from} not after it.
 */
public final class PriceList {

    public static final String FILE_NAME = "model_pricing.json";

    /** One dated entry. */
    record Entry(List<String> names, ModelPrice price) {
    }

    private final List<Entry> entries;
    private final List<String> problems;

    private PriceList(List<Entry> entries, List<String> problems) {
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    public static final PriceList EMPTY = new PriceList(List.of(), List.of());

    /** Reads the file; a missing file is an empty list, a malformed one keeps its valid entries and says what is wrong. */
    public static PriceList read(Path file, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return EMPTY;
        } catch (JsonProcessingException e) {
            return new PriceList(List.of(), List.of(FILE_NAME + " is not valid JSON"));
        } catch (IOException e) {
            return new PriceList(List.of(), List.of(FILE_NAME + " cannot be read"));
        }
        return parse(root);
    }

    static PriceList parse(JsonNode root) {
        List<String> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        JsonNode models = root == null ? null : root.get("models");
        if (models == null || !models.isArray()) {
            problems.add(FILE_NAME + " must be an object with a \"models\" list");
            return new PriceList(entries, problems);
        }
        for (int i = 0; i < models.size(); i++) {
            JsonNode node = models.get(i);
            String path = FILE_NAME + " models[" + i + "]";
            String basemodel = node.path("basemodel").asText("");
            if (basemodel.isBlank()) {
                problems.add(path + ".basemodel is required");
                continue;
            }
            if (!node.hasNonNull(PriceFields.VALID_FROM) || !node.hasNonNull(PriceFields.SOURCE)) {
                problems.add(path + " needs valid_from and source: say since when and where the figures hold");
                continue;
            }
            List<String> names = new ArrayList<>();
            names.add(normal(basemodel));
            node.path("aliases").forEach(alias -> names.add(normal(alias.asText())));
            PriceFields.read(node, path, problems).ifPresent(price -> entries.add(new Entry(names, price)));
        }
        return new PriceList(entries, problems);
    }

    /** The price of {@code basemodel} on {@code date}: by name or alias, else by the name after a vendor prefix. */
    public Optional<ModelPrice> find(String basemodel, LocalDate date) {
        if (basemodel == null || basemodel.isBlank()) {
            return Optional.empty();
        }
        String name = normal(basemodel);
        Optional<ModelPrice> exact = latest(name, date);
        int slash = name.lastIndexOf('/');
        return exact.isPresent() || slash < 0 ? exact : latest(name.substring(slash + 1), date);
    }

    public List<String> problems() {
        return problems;
    }

    public int size() {
        return entries.size();
    }

    private Optional<ModelPrice> latest(String name, LocalDate date) {
        return entries.stream().filter(e -> e.names().contains(name))
                .map(Entry::price).filter(p -> !p.validFrom().isAfter(date))
                .max(Comparator.comparing(ModelPrice::validFrom));
    }

    private static String normal(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
