import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The benchmark of docs/benchmarks.md, run by bench/run.sh: starts the packaged app as a separate JVM (temporary
 * DATA_DIR and CONFIGS_DIR, free port), drives it over HTTP only, and prints one table. Every figure is the median of
 * several runs after a warm-up. The database is opened read-only by this process for one thing only: its logical
 * size (page_count x page_size, which sees through the WAL), so sizes can be compared while the app runs.
 */
public class Bench {

    /**
     * The packaged app; {@code --app PATH} measures another build: a baseline jar for a before/after figure, or a
     * native executable (any path not ending in .jar).
     */
    static Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
    /** 30 trading days (July 4th is closed). */
    static final String[] DAYS_30 = {"2025-07-01", "2025-08-12"};
    static final String[] DAYS_10 = {"2025-07-01", "2025-07-15"};
    static final String[] DAYS_50 = {"2025-05-01", "2025-07-14"};
    /** Every trading day of 2025: 250. */
    static final String[] DAYS_250 = {"2025-01-02", "2025-12-31"};

    final boolean quick;
    final Path root;
    final Path configs;
    final Table table = new Table();
    int configSeq;

    Bench(boolean quick) throws IOException {
        this.quick = quick;
        this.root = Files.createTempDirectory("aitrader-bench-");
        this.configs = root.resolve("configs");
        Files.createDirectories(configs);
        Files.copy(Path.of("configs/default_config.json"), configs.resolve("default_config.json"));
        Files.copy(Path.of("configs/nasdaq100_symbols.json"), configs.resolve("nasdaq100_symbols.json"));
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean quick = options.contains("--quick");
        if (options.contains("--app")) {
            jar = Path.of(options.get(options.indexOf("--app") + 1));
        }
        Bench bench = new Bench(quick);
        String loadBefore = Machine.load();
        try {
            bench.engine();
            bench.scale();
        } finally {
            if (System.getenv("BENCH_KEEP") == null) {
                Files.walk(bench.root).sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            } else {
                System.err.println("kept " + bench.root);
            }
        }
        System.out.println();
        System.out.println("AI-Trader Server benchmark" + (quick ? " (--quick)" : "") + " of " + jar);
        System.out.println(Machine.describe() + "; load average before " + loadBefore + ", after " + Machine.load());
        System.out.println();
        bench.table.print();
    }

    /** Start-up, RSS, throughput, parallel efficiency and growth with days, in one data directory. */
    void engine() throws Exception {
        Path data = root.resolve("data-engine");
        App app = App.start(data, configs, root.resolve("engine.log"));
        table.add("Start-up, empty data dir (migrations + synthetic prices)", ms(app.startupMillis),
                "launch to first 200 on /health; Quarkus says " + app.quarkusStarted());
        table.add("RSS idle, after first start", mb(app.rssKb()), "VmRSS of the app process, default memory settings");
        try {
            int warmups = quick ? 1 : 2;
            for (int i = 0; i < warmups; i++) {
                app.runJob(instantConfig(10), DAYS_30);
            }
            for (int models : new int[] {1, 10, 50}) {
                List<Double> rates = new ArrayList<>();
                List<Double> bytes = new ArrayList<>();
                int runs = quick ? 2 : models == 1 ? 7 : 5;
                long cpuBefore = app.cpuMillis();
                int modelDays = 0;
                for (int i = 0; i < runs; i++) {
                    long sizeBefore = Db.size(data);
                    Job job = app.runJob(instantConfig(models), DAYS_30);
                    rates.add(job.modelDays / job.seconds);
                    bytes.add((Db.size(data) - sizeBefore) / (double) job.modelDays);
                    modelDays += job.modelDays;
                }
                double cpuPerDay = (app.cpuMillis() - cpuBefore) / (double) modelDays;
                table.add("Throughput, instant mock, " + models + " model" + (models > 1 ? "s" : "") + " x 30 days",
                        String.format(Locale.ROOT, "%.0f model-days/s", Stats.median(rates)),
                        "median of " + runs + " runs " + Stats.fmt(rates, "%.0f") + "; "
                                + String.format(Locale.ROOT, "%.2f ms CPU and %.1f KB stored per model-day",
                                        cpuPerDay, Stats.median(bytes) / 1024));
                growth.put(models + " models x 30 days", new Growth(models * 30,
                        models * 30 / Stats.median(rates), Stats.median(bytes) * models * 30));
            }
            table.add("RSS after the throughput runs", mb(app.rssKb()), "same process, after the runs above");
            parallelEfficiency(app);
            for (String[] range : quick ? new String[][] {DAYS_10, DAYS_50} : new String[][] {DAYS_10, DAYS_50,
                    DAYS_250}) {
                long sizeBefore = Db.size(data);
                Job job = app.runJob(instantConfig(10), range);
                growth.put("10 models x " + job.modelDays / 10 + " days", new Growth(job.modelDays, job.seconds,
                        Db.size(data) - sizeBefore));
            }
        } finally {
            app.stop();
        }
        List<Double> starts = new ArrayList<>();
        long rss = 0;
        for (int i = 0; i < (quick ? 1 : 3); i++) {
            App again = App.start(data, configs, root.resolve("engine-restart-" + i + ".log"));
            starts.add((double) again.startupMillis);
            rss = again.rssKb();
            again.stop();
        }
        table.add("Start-up, existing database (" + String.format(Locale.ROOT, "%.0f MB", Db.size(data) / 1048576.0)
                + ")", ms(Stats.median(starts)), "median of " + starts.size() + " starts " + Stats.fmt(starts, "%.0f"));
        table.add("RSS idle, after a restart", mb(rss), "");

    }

    final Map<String, Growth> growth = new LinkedHashMap<>();

    record Growth(int modelDays, double seconds, double bytes) {
    }

    /** 10 mocks of 10..100 ms per call x 10 days: wall time over the slowest model's own total latency. */
    void parallelEfficiency(App app) throws Exception {
        List<Double> ratios = new ArrayList<>();
        String detail = "";
        for (int run = 0; run < (quick ? 1 : 3); run++) {
            int id = ++configSeq;
            List<String> models = new ArrayList<>();
            Map<String, Integer> latency = new LinkedHashMap<>();
            for (int m = 0; m < 10; m++) {
                String sig = "slow-" + id + "-" + m;
                latency.put(sig, 10 * (m + 1));
                models.add(mockModel(sig, 1000 + m, 10 * (m + 1)));
            }
            String config = writeConfig("slow-" + id, models);
            Job job = app.runJob(config, DAYS_10);
            Json sessions = app.get("/reasoning?job_id=" + job.id).json();
            Map<String, Integer> steps = new LinkedHashMap<>();
            for (Json s : sessions.get("sessions").list()) {
                steps.merge(s.get("model").str(), (int) s.get("total_steps").num(), Integer::sum);
            }
            double ideal = latency.entrySet().stream().mapToDouble(e -> steps.get(e.getKey()) * e.getValue() / 1000.0)
                    .max().orElseThrow();
            ratios.add(job.seconds / ideal);
            detail = String.format(Locale.ROOT, "last run: wall %.2f s, ideal %.2f s", job.seconds, ideal);
        }
        table.add("Parallel efficiency, 10 mocks (10..100 ms per call) x 10 days",
                String.format(Locale.ROOT, "%.3f", Stats.median(ratios)),
                "wall / slowest model's total latency; median of " + ratios.size() + " " + Stats.fmt(ratios, "%.3f")
                        + "; " + detail + " (target <= 1.10)");
    }

    /** 50 models x 250 days stored by one real job, then query latencies. */
    void scale() throws Exception {
        Path data = root.resolve("data-scale");
        App app = App.start(data, configs, root.resolve("scale.log"));
        try {
            int models = 50;
            String[] range = quick ? new String[] {"2025-01-02", "2025-03-31"} : DAYS_250;
            long sizeBefore = Db.size(data);
            String config = instantConfig(models);
            Job job = app.runJob(config, range);
            growth.put(models + " models x " + job.modelDays / models + " days", new Growth(job.modelDays, job.seconds,
                    Db.size(data) - sizeBefore));
            table.add("Throughput at scale, " + models + " models x " + job.modelDays / models + " days (one job)",
                    String.format(Locale.ROOT, "%.0f model-days/s", job.modelDays / job.seconds),
                    String.format(Locale.ROOT, "%d model-days in %.1f s; RSS after %s", job.modelDays, job.seconds,
                            mb(app.rssKb())));
            List<String> dates = app.get("/simulate/status/" + job.id).json().get("date_range").list().stream()
                    .map(Json::str).toList();
            Random random = new Random(7);
            int n = quick ? 100 : 500;
            latency(app, "GET /results?date=D (50 models, minimal)", n,
                    i -> "/results?date=" + dates.get(random.nextInt(dates.size())));
            latency(app, "GET /results?date=D&detail=full", n,
                    i -> "/results?date=" + dates.get(random.nextInt(dates.size())) + "&detail=full");
            // A job of the default size limit (MAX_SIMULATION_DAYS = 30): the same models run again over 30 days.
            Job typical = app.runJob(config, DAYS_30, true);
            latency(app, "GET /simulate/status/{id} (" + typical.modelDays + " model-days: 50 models x 30 days)", n,
                    i -> "/simulate/status/" + typical.id);
            latency(app, "GET /simulate/status/{id} (" + job.modelDays + " model-days, one job of 250 days)", n / 5,
                    i -> "/simulate/status/" + job.id);
            latency(app, "GET /simulate/jobs", n, i -> "/simulate/jobs");
            if (app.get("/performance").status != 404) {
                latency(app, "GET /performance (default: last 30 calendar days of data)", n, i -> "/performance");
                latency(app, "GET /performance over " + dates.size() + " days", n / 5,
                        i -> "/performance?start_date=" + dates.get(0) + "&end_date=" + dates.get(dates.size() - 1));
            } else {
                table.add("GET /performance", "n/a", "the endpoint is not in this build");
            }
        } finally {
            app.stop();
        }
        growthRows();
    }

    void latency(App app, String label, int n, IntFunction<String> path) throws Exception {
        for (int i = 0; i < Math.max(20, n / 5); i++) {
            app.get(path.apply(i)).expect(200); // warm-up
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Reply reply = app.get(path.apply(i)).expect(200);
            millis.add(reply.nanos / 1e6);
        }
        Collections.sort(millis);
        table.add(label, String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", Stats.pct(millis, 50),
                Stats.pct(millis, 99)), n + " sequential requests after a warm-up; max "
                        + String.format(Locale.ROOT, "%.1f ms", millis.get(millis.size() - 1)));
    }

    void growthRows() {
        growth.forEach((label, g) -> table.add("Cost growth: " + label.replace("1 models", "1 model"), String.format(Locale.ROOT,
                "%.2f s, %.1f MB", g.seconds(), g.bytes() / 1048576.0), String.format(Locale.ROOT,
                        "%.2f ms and %.1f KB per model-day", g.seconds() * 1000 / g.modelDays(),
                        g.bytes() / 1024 / g.modelDays())));
    }

    String instantConfig(int models) throws IOException {
        int id = ++configSeq;
        List<String> entries = IntStream.range(0, models)
                .mapToObj(m -> mockModel("instant-" + id + "-" + m, id * 100 + m, 0)).toList();
        return writeConfig("instant-" + id, entries);
    }

    static String mockModel(String signature, long seed, int latencyMs) {
        return "{\"name\": \"" + signature + "\", \"provider\": \"mock\", \"signature\": \"" + signature
                + "\", \"seed\": " + seed + (latencyMs > 0 ? ", \"latency_ms\": " + latencyMs : "") + "}";
    }

    String writeConfig(String name, List<String> models) throws IOException {
        String json = """
                {"agent_type": "BaseAgent",
                 "models": [%s],
                 "agent_config": {"max_steps": 30, "max_retries": 3, "base_delay": 1.0, "initial_cash": 10000.0},
                 "symbols": "nasdaq100", "benchmark": "QQQ"}
                """.formatted(String.join(",\n  ", models));
        Files.writeString(configs.resolve("bench-" + name + ".json"), json);
        return "configs/bench-" + name + ".json";
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static String mb(long kb) {
        return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    /** A finished job as the status endpoint reports it. */
    record Job(String id, int modelDays, double seconds) {
    }

    /** One run of the packaged app. */
    static final class App {
        final Process process;
        final int port;
        final long startupMillis;
        final Path log;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        private App(Process process, int port, long startupMillis, Path log) {
            this.process = process;
            this.port = port;
            this.startupMillis = startupMillis;
            this.log = log;
        }

        static App start(Path data, Path configs, Path log) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>();
            if (jar.toString().endsWith(".jar")) {
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            } else {
                command.add(jar.toAbsolutePath().toString());
            }
            command.addAll(List.of("-Dquarkus.http.port=" + port,
                    "-Dquarkus.http.host=127.0.0.1", "-Dapp.data-dir=" + data, "-Dapp.configs-dir=" + configs,
                    "-Dapp.default-config=" + configs.resolve("default_config.json"),
                    "-Dapp.max-simulation-days=260", "-Dapp.auto-download-price-data=false"));
            if (jar.toString().endsWith(".jar")) {
                command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().remove("ALPHAADVANTAGE_API_KEY");
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            long launched = System.nanoTime();
            Process process = builder.start();
            App app = new App(process, port, 0, log);
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the app exited; see " + log);
                }
                try {
                    if (app.get("/health").status == 200) {
                        return new App(process, port, (System.nanoTime() - launched) / 1_000_000, log);
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            process.destroyForcibly();
            throw new IllegalStateException("the app did not start; see " + log);
        }

        String quarkusStarted() {
            try {
                var m = java.util.regex.Pattern.compile("started in ([0-9.]+s)").matcher(Files.readString(log));
                String last = "?";
                while (m.find()) {
                    last = m.group(1);
                }
                return "'started in " + last + "'";
            } catch (IOException e) {
                return "?";
            }
        }

        /** CPU time the app process used so far (user + system), from /proc. */
        long cpuMillis() throws IOException {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // 100 clock ticks per second
        }

        long rssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        }

        Reply get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build());
        }

        Reply post(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                    .build());
        }

        private Reply send(HttpRequest request) throws IOException, InterruptedException {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(request.uri().getPath(), response.statusCode(), response.body(),
                    System.nanoTime() - start);
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** Triggers a job and waits for its end; the duration is the server's: started_at to completed_at. */
        Job runJob(String config, String[] range) throws Exception {
            return runJob(config, range, false);
        }

        Job runJob(String config, String[] range, boolean replace) throws Exception {
            Json created = post("/simulate/trigger", "{\"config_path\": \"" + config + "\", \"start_date\": \""
                    + range[0] + "\", \"end_date\": \"" + range[1] + "\", \"replace_existing\": " + replace + "}")
                    .expect(202).json();
            String id = created.get("job_id").str();
            long deadline = System.currentTimeMillis() + 30 * 60_000;
            while (System.currentTimeMillis() < deadline) {
                // The job list has progress counts without the per-model-day details: cheap to poll.
                Json job = get("/simulate/jobs?limit=1").expect(200).json().get("jobs").list().get(0);
                String status = job.get("status").str();
                if (List.of("completed", "partial", "failed", "cancelled").contains(status)) {
                    if (!status.equals("completed") || !job.get("job_id").str().equals(id)) {
                        throw new IllegalStateException("job " + id + " ended " + status + ": " + job);
                    }
                    double seconds = Duration.between(Instant.parse(job.get("started_at").str()),
                            Instant.parse(job.get("completed_at").str())).toMillis() / 1000.0;
                    return new Job(id, (int) job.get("progress").get("completed").num(), seconds);
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("job " + id + " did not end");
        }

        void stop() throws InterruptedException {
            process.destroy(); // SIGTERM: a clean shutdown closes the pool, which checkpoints the WAL
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    record Reply(String path, int status, String body, long nanos) {
        Reply expect(int wanted) {
            if (status != wanted) {
                throw new IllegalStateException(path + " answered " + status + ": "
                        + body.substring(0, Math.min(500, body.length())));
            }
            return this;
        }

        Json json() {
            return Json.parse(body);
        }
    }

    /** The logical size of jobs.db as SQLite sees it (committed pages, WAL included). */
    static final class Db {
        static long size(Path data) throws SQLException {
            try (Connection conn = DriverManager.getConnection("jdbc:sqlite:file:" + data.resolve("jobs.db")
                    + "?mode=ro", sqliteReadOnly()); Statement st = conn.createStatement()) {
                return one(st, "PRAGMA page_count") * one(st, "PRAGMA page_size")
                        - one(st, "PRAGMA freelist_count") * one(st, "PRAGMA page_size");
            }
        }

        private static java.util.Properties sqliteReadOnly() {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            props.setProperty("busy_timeout", "5000");
            return props;
        }

        private static long one(Statement st, String sql) throws SQLException {
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static final class Stats {
        static double median(List<Double> values) {
            return pct(values.stream().sorted().toList(), 50);
        }

        /** Nearest-rank percentile of a sorted list. */
        static double pct(List<Double> sorted, double p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }

        static String fmt(List<Double> values, String format) {
            return values.stream().map(v -> String.format(Locale.ROOT, format, v))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
    }

    static final class Machine {
        static String load() {
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return parts[0] + " " + parts[1] + " " + parts[2];
            } catch (IOException e) {
                return "?";
            }
        }

        static String describe() {
            String cpu = "?";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
            } catch (IOException e) {
                // not Linux
            }
            long memMb = -1;
            try {
                memMb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                        .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
            } catch (IOException e) {
                // not Linux
            }
            return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memMb / 1024
                    + " GB RAM, JDK " + System.getProperty("java.version") + ", " + System.getProperty("os.name")
                    + " " + System.getProperty("os.version");
        }
    }

    /** The printed table. */
    static final class Table {
        final List<String[]> rows = new ArrayList<>();

        void add(String what, String value, String note) {
            rows.add(new String[] {what, value, note});
            System.err.println("  " + what + ": " + value + (note.isEmpty() ? "" : "  (" + note + ")"));
        }

        void print() {
            System.out.println("| Measure | Result | Notes |");
            System.out.println("| --- | --- | --- |");
            rows.forEach(r -> System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |"));
        }
    }

    /** A minimal JSON reader: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        final Object value;

        Json(Object value) {
            this.value = value;
        }

        static Json parse(String text) {
            Parser p = new Parser(text);
            Object v = p.value();
            return new Json(v);
        }

        @SuppressWarnings("unchecked")
        Json get(String key) {
            if (!(value instanceof Map)) {
                throw new IllegalStateException("not an object: " + this);
            }
            return new Json(((Map<String, Object>) value).get(key));
        }

        @SuppressWarnings("unchecked")
        List<Json> list() {
            return ((List<Object>) value).stream().map(Json::new).toList();
        }

        String str() {
            return value == null ? null : value.toString();
        }

        double num() {
            return ((Number) value).doubleValue();
        }

        @Override
        public String toString() {
            String s = String.valueOf(value);
            return s.length() > 300 ? s.substring(0, 300) + "..." : s;
        }

        static final class Parser {
            final String s;
            int i;

            Parser(String s) {
                this.s = s;
            }

            Object value() {
                ws();
                char c = s.charAt(i);
                switch (c) {
                    case '{' -> {
                        i++;
                        Map<String, Object> map = new LinkedHashMap<>();
                        ws();
                        if (s.charAt(i) == '}') {
                            i++;
                            return map;
                        }
                        while (true) {
                            ws();
                            String key = string();
                            ws();
                            i++; // ':'
                            map.put(key, value());
                            ws();
                            if (s.charAt(i++) == '}') {
                                return map;
                            }
                        }
                    }
                    case '[' -> {
                        i++;
                        List<Object> list = new ArrayList<>();
                        ws();
                        if (s.charAt(i) == ']') {
                            i++;
                            return list;
                        }
                        while (true) {
                            list.add(value());
                            ws();
                            if (s.charAt(i++) == ']') {
                                return list;
                            }
                        }
                    }
                    case '"' -> {
                        return string();
                    }
                    default -> {
                        int start = i;
                        while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                            i++;
                        }
                        String word = s.substring(start, i);
                        return switch (word) {
                            case "true" -> Boolean.TRUE;
                            case "false" -> Boolean.FALSE;
                            case "null" -> null;
                            default -> Double.parseDouble(word);
                        };
                    }
                }
            }

            String string() {
                StringBuilder out = new StringBuilder();
                i++; // opening quote
                while (true) {
                    char c = s.charAt(i++);
                    if (c == '"') {
                        return out.toString();
                    }
                    if (c == '\\') {
                        char e = s.charAt(i++);
                        switch (e) {
                            case 'n' -> out.append('\n');
                            case 't' -> out.append('\t');
                            case 'r' -> out.append('\r');
                            case 'b' -> out.append('\b');
                            case 'f' -> out.append('\f');
                            case 'u' -> {
                                out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> out.append(e);
                        }
                    } else {
                        out.append(c);
                    }
                }
            }

            void ws() {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
            }
        }
    }
}
