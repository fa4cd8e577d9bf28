package io.aitrader.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.errors.ApiException;
import io.aitrader.trading.rules.TradingRules;

/**
 * The config's {@code rules} (contract 10): absent means the market's rules ({@link TradingRules#NONE} for us); a
 * string names a preset file {@code rules/<name>.json} in the configs directory, a string ending in {@code .json} a
 * file by its path inside the configs directory (as config_path is given); an object is the rules themselves. Either
 * way every field is optional and defaults to the market's value; {@code about} and {@code sources} are notes for
 * readers.
 */
final class RulesParser {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String DIR = "rules";
    static final Set<String> RULE_FIELDS = Set.of("name", "commission_bps", "commission_per_share", "commission_min",
            "slippage_bps", "allow_short", "short_margin_pct", "maintenance_margin_pct", "borrow_fee_bps_per_year",
            "max_position_pct", "max_positions", "lot_size", "settlement", "min_cash_pct", "price_limit_pct",
            "quantity_decimals");
    static final Set<String> NOTE_FIELDS = Set.of("about", "sources");

    private final ObjectMapper mapper;
    private final Path configsDir;
    private final ConfigPathResolver files;

    RulesParser(ObjectMapper mapper, Path configsDir) {
        this.mapper = mapper;
        this.configsDir = configsDir;
        this.files = new ConfigPathResolver(configsDir);
    }

    /** The rules under contract 4.2's defaults, or NONE with problems recorded. */
    TradingRules parse(JsonNode node, List<String> problems) {
        return parse(node, TradingRules.NONE, problems);
    }

    /** The rules, each absent field taken from {@code base} (the market's rules); base with problems recorded. */
    TradingRules parse(JsonNode node, TradingRules base, List<String> problems) {
        if (node == null || node.isNull()) {
            return base;
        }
        if (node.isTextual()) {
            String text = node.asText();
            return text.endsWith(".json") ? file(text, base, problems) : preset(text, base, problems);
        }
        if (node.isObject()) {
            return RulesFields.parse(node, "rules", "custom", base, problems);
        }
        problems.add("rules must be an object, the name of a rules file in configs/rules such as realistic, or the"
                + " path of a .json rules file inside the configs directory");
        return TradingRules.NONE;
    }

    private TradingRules preset(String name, TradingRules base, List<String> problems) {
        if (!NAME.matcher(name).matches()) {
            problems.add("rules '" + ConfigPathResolver.shown(name)
                    + "' is neither a rules object nor a rules file name (letters, digits, '_' or '-')");
            return TradingRules.NONE;
        }
        String fileName = DIR + "/" + name + ".json";
        Path file = configsDir.resolve(DIR).resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            problems.add("rules '" + name + "' names a rules file, but " + fileName
                    + " is not in the configs directory");
            return TradingRules.NONE;
        }
        return read(file, fileName, name, base, problems);
    }

    /** A rules file named by its path inside the configs directory; its name defaults to the file's base name. */
    private TradingRules file(String path, TradingRules base, List<String> problems) {
        Path file;
        try {
            file = files.resolve(path);
        } catch (ApiException e) {
            problems.add("rules '" + ConfigPathResolver.shown(path) + "': "
                    + e.getMessage().replace("config_path", "a rules path"));
            return TradingRules.NONE;
        }
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        return read(file, ConfigPathResolver.shown(path), NAME.matcher(name).matches() ? name : "custom", base,
                problems);
    }

    private TradingRules read(Path file, String fileName, String name, TradingRules base, List<String> problems) {
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            problems.add(fileName + " is not valid JSON" + ConfigReader.location(e));
            return TradingRules.NONE;
        } catch (IOException e) {
            problems.add(fileName + " cannot be read");
            return TradingRules.NONE;
        }
        if (root == null || !root.isObject()) {
            problems.add(fileName + " must be a JSON object of trading rules");
            return TradingRules.NONE;
        }
        return RulesFields.parse(root, fileName, name, base, problems);
    }
}
