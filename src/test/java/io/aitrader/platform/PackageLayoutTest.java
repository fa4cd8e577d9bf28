package io.aitrader.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * The package graph of the compiled main classes, read by the JDK's {@code jdeps}: no package cycles, and the bottom
 * packages ({@code platform.database}: which database, its dialect differences, the one transaction rule, the start-up
 * order; {@code platform.retry}: the one retry policy and pause; {@code platform.http}: the one outgoing HTTP client;
 * {@code platform.concurrent}: every thread pool) use no other package of the service but each other, so every feature may use them.
 */
class PackageLayoutTest {

    private static final Set<String> BOTTOM = Set.of("io.aitrader.platform.database", "io.aitrader.platform.retry",
            "io.aitrader.platform.http", "io.aitrader.platform.concurrent");

    private static final Set<String> TOP = Set.of("io.aitrader.health", "io.aitrader.dashboard");

    private static final Pattern EDGE = Pattern.compile("^\\s+(io\\.aitrader\\S*)\\s+->\\s+(io\\.aitrader\\S*)\\s",
            Pattern.MULTILINE);

    @Test
    void noPackageCyclesAndThePlatformPlumbingAtTheBottom() {
        Map<String, Set<String>> uses = packageGraph();
        assertTrue(uses.size() > 10, "jdeps read the packages: " + uses.keySet());
        assertEquals(List.of(), cycles(uses), "packages that use each other, directly or through others");
        for (String bottom : BOTTOM) {
            Set<String> features = new TreeSet<>(uses.getOrDefault(bottom, Set.of()));
            features.removeAll(BOTTOM);
            assertEquals(Set.of(), features, bottom + " uses no feature");
        }
    }

    @Test
    void healthAndDashboardAreATopLayerThatNothingUses() {
        Map<String, Set<String>> uses = packageGraph();
        for (String top : TOP) {
            assertTrue(uses.containsKey(top), "jdeps read " + top);
            Set<String> users = new TreeSet<>();
            uses.forEach((user, used) -> {
                if (used.contains(top)) {
                    users.add(user);
                }
            });
            assertEquals(Set.of(), users, "packages that use " + top);
        }
    }

    @Test
    void theJobsFeatureIsSplitByRole() {
        Set<String> jobs = new TreeSet<>(packageGraph().keySet());
        jobs.removeIf(name -> !name.startsWith("io.aitrader.jobs"));
        assertEquals(
                Set.of("io.aitrader.jobs", "io.aitrader.jobs.api", "io.aitrader.jobs.audit", "io.aitrader.jobs.bundle",
                        "io.aitrader.jobs.claims",
                        "io.aitrader.jobs.engine", "io.aitrader.jobs.events", "io.aitrader.jobs.schedule",
                        "io.aitrader.jobs.store", "io.aitrader.jobs.trigger", "io.aitrader.jobs.view"),
                jobs,
                "the jobs packages");
        assertEquals(List.of("JobsSettings.class"), classesIn(Path.of("target/classes/io/aitrader/jobs")),
                "the jobs package itself holds only the feature's settings");
    }

    private static List<String> classesIn(Path folder) {
        try (var files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Set<String>> packageGraph() {
        Path classes = Path.of("target/classes");
        assertTrue(Files.isDirectory(classes.resolve("io/aitrader")), "compile first: " + classes.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package",
                classes.toString());
        assertEquals(0, exit, out.toString());
        Map<String, Set<String>> uses = new TreeMap<>();
        Matcher edge = EDGE.matcher(out.toString());
        while (edge.find()) {
            uses.computeIfAbsent(edge.group(1), p -> new TreeSet<>());
            uses.computeIfAbsent(edge.group(2), p -> new TreeSet<>());
            if (!edge.group(1).equals(edge.group(2))) {
                uses.get(edge.group(1)).add(edge.group(2));
            }
        }
        return uses;
    }

    /** The strongly connected groups of more than one package (Tarjan), each sorted. */
    private static List<Set<String>> cycles(Map<String, Set<String>> uses) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        for (String start : uses.keySet()) {
            if (!index.containsKey(start)) {
                visit(start, uses, index, low, stack, found);
            }
        }
        return found;
    }

    private static void visit(String node, Map<String, Set<String>> uses, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, List<Set<String>> found) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : uses.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next, uses, index, low, stack, found);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> group = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                group.add(member);
            } while (!member.equals(node));
            if (group.size() > 1) {
                found.add(group);
            }
        }
    }
}
