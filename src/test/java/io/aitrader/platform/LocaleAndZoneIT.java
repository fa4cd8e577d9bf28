package io.aitrader.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.aitrader.cli.PackagedApp;
import io.aitrader.reliability.RunningApp;

/**
 * The packaged app under a Turkish default locale ("FAILED" lower-cases to "faıled"), an Arabic one (Arabic-Indic
 * digits) and the Pacific/Kiritimati zone (UTC+14, a calendar day ahead of UTC for most of the day) answers exactly as
 * under en-US and UTC: the same job, then its status, results,
 * performance, the dashboard and a few refusals, compared byte for byte once job ids and wall-clock times are masked.
 * Runs are compared with each other only, so the test holds whatever prices the app starts with.
 */
class LocaleAndZoneIT {

    static final List<String> EN_US_UTC = List.of("-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC");
    static final List<String> TURKISH = List.of("-Duser.language=tr", "-Duser.country=TR");
    static final List<String> KIRITIMATI = List.of("-Duser.timezone=Pacific/Kiritimati");
    static final List<String> ARABIC = List.of("-Duser.language=ar", "-Duser.country=SA");
    /** One model at a time: trade ids are row ids, numbered in the order parallel models happen to commit. */
    static final Map<String, String> SEQUENTIAL = Map.of("MAX_PARALLEL_MODELS", "1");

    static final String START = "2025-10-01";
    static final String END = "2025-10-10";

    /** What each run is asked and must answer with 200, in order; the job id is filled in. */
    static final List<String> READS = List.of("/simulate/status/{job}", "/simulate/jobs",
            "/results?date=2025-10-01&detail=full", "/results?date=" + END + "&detail=full",
            "/results?date=2025-10-06&job_id={job}", "/performance?start_date=" + START + "&end_date=" + END,
            "/performance?start_date=" + START + "&end_date=" + END + "&model=mock-trader&benchmark=QQQ",
            "/reasoning?job_id={job}&date=2025-10-02&model=mock-trader", "/models",
            "/?start_date=" + START + "&end_date=" + END,
            "/dashboard/fragments/day?model=baseline-equal&date=2025-10-08", "/performance", "/simulate/current",
            "/prices/coverage");

    /** Reads each run must refuse the same way (a 4xx in the error shape, messages included). */
    static final List<String> REFUSED_READS = List.of("/results?date=2025-13-01",
            "/results?date=2025-10-01&detail=everything", "/results?date=2025-10-04", "/simulate/jobs?status=sleeping",
            "/performance?start_date=" + END + "&end_date=" + START, "/simulate/status/no-such-job");

    /** Trigger bodies each run must refuse the same way. */
    static final List<String> REFUSED_TRIGGERS = List.of(
            "{\"start_date\": \"2024-01-02\", \"end_date\": \"" + END + "\"}",
            "{\"start_date\": \"" + END + "\", \"end_date\": \"" + START + "\"}", "{\"start_date\": \"2025-02-29\"}",
            "{\"models\": [\"no-such-model\"]}", "{\"end_date\": \"2999-01-01\"}");

    private static final Pattern INSTANT = Pattern
            .compile("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?( UTC|Z)");
    private static final Pattern DURATION = Pattern
            .compile("\"(duration_seconds|total_duration_seconds)\":[0-9.Ee+-]+");

    @Test
    void answersReadTheSameUnderTurkishAndArabicLocalesAndAKiritimatiZone() throws IOException {
        Map<String, String> plain = run("en-us-utc", Map.of("TZ", "UTC"), EN_US_UTC);
        Map<String, String> turkish = run("tr-tr", Map.of(), TURKISH);
        Map<String, String> kiritimati = run("kiritimati", Map.of("TZ", "Pacific/Kiritimati"), KIRITIMATI);
        Map<String, String> arabic = run("ar-sa", Map.of(), ARABIC);
        plain.forEach((read, answer) -> assertTrue(
                answer.startsWith(read.startsWith("POST ") || REFUSED_READS.contains(read) ? "4" : "200 "),
                "en-US/UTC: " + read + " → " + answer));
        for (String read : plain.keySet()) {
            assertEquals(plain.get(read), turkish.get(read), "under tr-TR: " + read);
            assertEquals(plain.get(read), kiritimati.get(read), "under Pacific/Kiritimati: " + read);
            assertEquals(plain.get(read), arabic.get(read), "under ar-SA: " + read);
        }
    }

    @Test
    void theBatchTableFormatsNumbersAsUnderEnUs() throws IOException {
        String plain = table(batch("cli-en-us", EN_US_UTC));
        String turkish = table(batch("cli-tr-tr", TURKISH));
        assertEquals(plain, turkish, "the results table under tr-TR");
        Matcher value = Pattern.compile("(?m)^baseline-qqq +\\S+ +\\S+ +\\S+ +(\\S+) +(\\S+) ").matcher(turkish);
        assertTrue(value.find(), turkish);
        assertTrue(value.group(1).matches("\\d{1,3}(,\\d{3})*\\.\\d\\d"), "en-US grouping: " + value.group(1));
        assertTrue(value.group(2).matches("[+-]\\d+\\.\\d\\d%"), "en-US decimals: " + value.group(2));
    }

    /** Starts the app on a fresh data directory, runs the job and returns every read, masked. */
    private static Map<String, String> run(String name, Map<String, String> env, List<String> properties)
            throws IOException {
        Path data = Files.createTempDirectory("locale-" + name).resolve("data");
        Map<String, String> environment = new LinkedHashMap<>(SEQUENTIAL);
        environment.putAll(env);
        try (RunningApp app = RunningApp.start(data, environment, properties)) {
            String job = app.trigger("{\"start_date\": \"" + START + "\", \"end_date\": \"" + END + "\"}");
            String status = app.awaitEnd(job, Duration.ofMinutes(3)).path("status").asText();
            assertEquals("completed", status, name + ": " + app.status(job) + "\n" + app.log());
            Map<String, String> answers = new LinkedHashMap<>();
            for (String read : Stream.concat(READS.stream(), REFUSED_READS.stream()).toList()) {
                HttpResponse<String> response = app.get(read.replace("{job}", job));
                answers.put(read, response.statusCode() + " " + mask(response.body(), job));
            }
            for (String body : REFUSED_TRIGGERS) {
                HttpResponse<String> response = app.post("/simulate/trigger", body);
                answers.put("POST " + body, response.statusCode() + " " + mask(response.body(), job));
            }
            return answers;
        }
    }

    private static PackagedApp.Run batch(String name, List<String> properties) throws IOException {
        Path data = Files.createTempDirectory("locale-" + name).resolve("data");
        PackagedApp.Run run = PackagedApp.run(Map.of("DATA_DIR", data.toString(), "CONFIGS_DIR",
                "src/test/resources/configs", "DEFAULT_CONFIG_PATH", "src/test/resources/configs/default_config.json",
                "ALPHAADVANTAGE_API_KEY", "", "TZ", "UTC"), properties, "simulate", "--start", START, "--end", END);
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    /** The table and what follows it, without the job line (its id and duration differ from run to run). */
    private static String table(PackagedApp.Run run) {
        String out = run.out();
        int header = out.indexOf("MODEL ");
        assertTrue(header >= 0, run::toString);
        return out.substring(header);
    }

    /** Job ids and wall-clock times and durations masked; everything else is compared as sent. */
    static String mask(String body, String job) {
        String masked = body.replace(job, "<job>").replace(job.substring(0, 8), "<job>");
        masked = INSTANT.matcher(masked).replaceAll("<time>");
        return DURATION.matcher(masked).replaceAll("\"$1\":<duration>");
    }
}
