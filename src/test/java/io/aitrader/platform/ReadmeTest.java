package io.aitrader.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.aitrader.jobs.TestPrices;
import io.aitrader.testing.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The README's quick start, run as written: its URLs answer, its three curl commands work in order, and every
 * relative link of the README and docs/ points at a file of the repository.
 */
@QuarkusTest
class ReadmeTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern URL = Pattern.compile("<http://localhost:8080(/[^>]*)>");
    private static final Pattern TRIGGER_BODY = Pattern
            .compile("curl -X POST localhost:8080/simulate/trigger .*?-d '([^']*)'", Pattern.DOTALL);
    private static final Pattern RESULTS = Pattern.compile("curl '(localhost:8080/results\\?[^']*)'");
    private static final Pattern LINK = Pattern.compile("\\]\\(((?!https?:|#|mailto:)[^)#\\s]+)(#[^)]*)?\\)");

    private static String readme() throws IOException {
        return Files.readString(README);
    }

    @Test
    void everyUrlOfTheReadmeAnswers() throws IOException {
        List<String> paths = new ArrayList<>();
        Matcher m = URL.matcher(readme());
        while (m.find()) {
            paths.add(m.group(1));
        }
        assertTrue(paths.containsAll(List.of("/", "/docs", "/health", "/openapi.json")), paths.toString());
        for (String path : paths) {
            if (path.startsWith("/q/dev")) {
                continue; // dev mode only: .ci/dev-mode-check asks a real dev-mode instance for it
            }
            int status = given().redirects().follow(true).when().get(path).then().extract().statusCode();
            assertEquals(200, status, "README's " + path);
        }
    }

    @Test
    void theQuickStartCommandsWorkAsWritten() throws IOException {
        String text = readme();
        Matcher trigger = TRIGGER_BODY.matcher(text);
        assertTrue(trigger.find(), "the README's trigger command");
        Matcher results = RESULTS.matcher(text);
        assertTrue(results.find(), "the README's results command");

        Jobs.awaitIdle();
        TestPrices.ensure();
        Response answer = given().contentType(ContentType.JSON).body(trigger.group(1)).when()
                .post("/simulate/trigger");
        assertTrue(List.of(200, 202).contains(answer.statusCode()), answer.asString());
        String jobId = answer.path("job_id");
        if (jobId != null) {
            String ended = Jobs.awaitEnd(jobId).getString("status");
            assertEquals("completed", ended, "the README's example job");
            given().when().get("/simulate/status/" + jobId).then().statusCode(200);
        }
        String query = results.group(1).substring("localhost:8080".length());
        given().when().get(query).then().statusCode(200).body("results.model",
                hasItems("mock-trader", "mock-contrarian", "baseline-qqq", "baseline-equal"));
    }

    @Test
    void everyRelativeLinkOfTheDocsPointsAtAFile() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                Path target = page.resolveSibling(m.group(1)).normalize();
                if (!Files.exists(target)) {
                    broken.add(page + " -> " + m.group(1));
                }
            }
        }
        assertFalse(pages.size() < 3, "README and docs/ were read: " + pages);
        assertEquals(List.of(), broken);
    }
}
