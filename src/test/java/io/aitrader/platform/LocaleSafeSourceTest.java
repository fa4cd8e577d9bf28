package io.aitrader.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps src/main free of calls whose result depends on the JVM's default locale or time zone: a Turkish locale
 * lower-cases "FAILED" to "faıled", an Arabic one formats 12 as "١٢", a Kiritimati zone moves "today" a day ahead.
 * Log format strings are exempt: they are read by people, and the logging library offers no locale.
 */
class LocaleSafeSourceTest {

    private static final Path MAIN = Path.of("src/main/java");

    /** What is refused, and what to write instead. */
    private static final Map<Pattern, String> REFUSED = Map.ofEntries(
            Map.entry(Pattern.compile("\\.to(Lower|Upper)Case\\(\\s*\\)"), "toLowerCase/toUpperCase(Locale.ROOT)"),
            Map.entry(Pattern.compile("String\\.format\\(\\s*\""), "String.format(Locale.ROOT or Locale.US, …)"),
            Map.entry(Pattern.compile("\\b(LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Year|"
                    + "YearMonth|MonthDay)\\.now\\(\\s*\\)"), "now(ZoneOffset.UTC) or now(a market-zone clock)"),
            Map.entry(Pattern.compile("ZoneId\\.systemDefault\\(|Clock\\.systemDefaultZone\\(|TimeZone\\.getDefault\\("
                    + "|TimeZone\\.setDefault\\("), "an explicit zone: ZoneOffset.UTC or America/New_York"),
            Map.entry(Pattern.compile("Locale\\.getDefault\\(|Locale\\.setDefault\\("), "Locale.ROOT or Locale.US"),
            Map.entry(Pattern.compile("new SimpleDateFormat\\(|new DecimalFormat\\(|NumberFormat\\.get\\w*Instance\\("
                    + "\\s*\\)"), "java.time formatters or String.format with a Locale"),
            Map.entry(Pattern.compile("DateTimeFormatter\\.ofPattern\\(\\s*\"[^\"]*\"\\s*\\)"),
                    "DateTimeFormatter.ofPattern(pattern, Locale.ROOT)"),
            Map.entry(Pattern.compile("new Scanner\\("),
                    "a reader that parses numbers itself (Scanner uses the locale)"));

    /** A number conversion (%d, %.2f, %,d …), which .formatted() renders in the default locale. */
    private static final Pattern NUMBER_CONVERSION = Pattern.compile("%[-#+ 0,(]*\\d*(\\.\\d+)?[dfeEgGxXo]");
    /** A string literal or text block directly followed by .formatted(, possibly on the next line. */
    private static final Pattern FORMATTED_LITERAL = Pattern
            .compile("(\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\")\\s*\\.formatted\\(");

    @Test
    void mainSourcesDoNotDependOnTheDefaultLocaleOrZone() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                check(file, Files.readAllLines(file), problems);
            }
        }
        assertTrue(problems.isEmpty(), "locale- or zone-dependent calls in src/main:\n" + String.join("\n", problems));
    }

    @Test
    void theScanRecognisesWhatItRefuses() {
        List<String> problems = new ArrayList<>();
        check(Path.of("Example.java"), List.of("String s = status.name().toLowerCase();",
                "LocalDate today = LocalDate.now();", "String json = \"{\\\"amount\\\":%d}\".formatted(amount);",
                "String t = String.format(\"%,.2f\", value);", "var f = DateTimeFormatter.ofPattern(\"d MMM\");",
                "Log.infof(\"%d rows\", rows);", "String ok = \"%s\".formatted(name);",
                "String two = \"%d of\"", "        .formatted(n);", "// not code: x.toUpperCase()"), problems);
        assertTrue(problems.size() == 6, String.join("\n", problems));
    }

    private static void check(Path file, List<String> lines, List<String> problems) {
        List<String> code = lines.stream().map(LocaleSafeSourceTest::withoutComment).toList();
        for (int i = 0; i < code.size(); i++) {
            for (Map.Entry<Pattern, String> rule : REFUSED.entrySet()) {
                if (rule.getKey().matcher(code.get(i)).find()) {
                    problems.add(file + ":" + (i + 1) + ": " + code.get(i).strip() + "  → use " + rule.getValue());
                }
            }
        }
        String text = String.join("\n", code);
        Matcher literal = FORMATTED_LITERAL.matcher(text);
        while (literal.find()) {
            int statement = Math.max(text.lastIndexOf(';', literal.start()), Math.max(text.lastIndexOf('{',
                    literal.start()), text.lastIndexOf('}', literal.start())));
            boolean logged = text.substring(statement + 1, literal.start()).contains("Log.");
            if (NUMBER_CONVERSION.matcher(literal.group(1)).find() && !logged) {
                int line = (int) text.substring(0, literal.start()).chars().filter(c -> c == '\n').count();
                problems.add(file + ":" + (line + 1) + ": " + code.get(line).strip()
                        + "  → use String.format(Locale.ROOT, …) for number conversions");
            }
        }
    }

    /** Javadoc and comment lines are blanked (kept as lines, so the numbers stay right). */
    private static String withoutComment(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("/*") ? "" : line;
    }
}
