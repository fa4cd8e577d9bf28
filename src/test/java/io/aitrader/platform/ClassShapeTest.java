package io.aitrader.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

/** Small classes: no main source file over 300 lines, no bean with more than 6 injected dependencies. */
class ClassShapeTest {

    private static final int MAX_LINES = 300;
    private static final int MAX_INJECTED = 6;
    private static final List<Class<? extends Annotation>> BEANS = List.of(ApplicationScoped.class, Singleton.class,
            RequestScoped.class, Dependent.class, jakarta.ws.rs.Path.class);

    @Test
    void noSourceFileIsLong() throws IOException {
        Map<String, Long> longFiles = new TreeMap<>();
        for (Path file : sources()) {
            long lines;
            try (Stream<String> all = Files.lines(file)) {
                lines = all.count();
            }
            if (lines > MAX_LINES) {
                longFiles.put(file.toString(), lines);
            }
        }
        assertEquals(Map.of(), longFiles, "main source files over " + MAX_LINES + " lines");
    }

    @Test
    void noBeanHasManyDependencies() throws IOException, ClassNotFoundException {
        Map<String, Integer> crowded = new TreeMap<>();
        int beans = 0;
        for (Path file : sources()) {
            String name = Path.of("src/main/java").relativize(file).toString().replace('/', '.').replaceAll("\\.java$",
                    "");
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (BEANS.stream().noneMatch(type::isAnnotationPresent)) {
                continue;
            }
            beans++;
            int injected = Arrays.stream(type.getDeclaredConstructors()).mapToInt(Constructor::getParameterCount).max()
                    .orElse(0)
                    + (int) Arrays.stream(type.getDeclaredFields())
                            .filter(field -> field.isAnnotationPresent(Inject.class)).count();
            if (injected > MAX_INJECTED) {
                crowded.put(name, injected);
            }
        }
        assertTrue(beans > 40, "read the beans: " + beans);
        assertEquals(Map.of(), crowded, "beans with more than " + MAX_INJECTED + " injected dependencies");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }
}
