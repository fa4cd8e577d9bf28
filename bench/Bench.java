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
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The benchmark of docs/benchmarks.md, run by bench/run.sh: starts the packaged app as a separate process (temporary
 * DATA_DIR and CONFIGS_DIR, free port), drives it over HTTP only, and prints one table. Every figure is the median of
 * several runs after a warm-up. The database is opened read-only by this process for one thing only: its logical
 * size (page_count x page_size, which sees through the WAL), so sizes can be compared while the app runs.
 *
 * <p>
 * With {@code --app PATH} (repeatable) it measures those builds and this one side by side, one result column each.
 * Every build has its own app process and data directories; the builds take turns run by run (A, B, A, B, ...), and
 * while one build's app is measured the others are suspended (SIGSTOP), so that on a 2-core machine they never share
 * the cores and a change of the machine's load hits every build alike.
 */
public class Bench {

    /** The current build, run as its README's run line says ({@link RunLine}). */
    static final Path THIS_BUILD = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String THIS_BUILD_NAME = "this build";
    /** 30 trading days (July 4th is closed). */
    static final String[] DAYS_30 = {"2025-07-01", "2025-08-12"};
    static final String[] DAYS_10 = {"2025-07-01", "2025-07-15"};
    static final String[] DAYS_50 = {"2025-05-01", "2025-07-14"};
    /** Every trading day of 2025: 250. */
    static final String[] DAYS_250 = {"2025-01-02", "2025-12-31"};

    static final String USAGE = """
            usage: bench/run.sh [--quick] [--only engine] [--app PATH]...
              --quick        fewer repetitions and a smaller seeding: a smoke test of the script
              --only engine  only the engine's targets: start-up (empty and existing database), idle RSS after the
                             first start and after a restart, throughput with 1, 10 and 50 instant mocks x 30 days
              --app PATH     also measure another build, side by side with this one: a baseline jar, or a native
                             executable (any path not ending in .jar); repeatable
            """;

    final Options options;
    final boolean quick;
    final Path root;
    final Path configs;
    /** The builds under test, in column order: the baselines, then this build. */
    final List<Subject> builds = new ArrayList<>();
    final Table table;
    int configSeq;

    Bench(Options options) throws IOException {
        this.options = options;
        this.quick = options.quick();
        this.root = Files.createTempDirectory("aitrader-bench-");
        this.configs = root.resolve("configs");
        Files.createDirectories(configs);
        Files.copy(Path.of("configs/default_config.json"), configs.resolve("default_config.json"));
        Files.copy(Path.of("configs/nasdaq100_symbols.json"), configs.resolve("nasdaq100_symbols.json"));
        List<Path> baselines = options.baselines();
        for (int i = 0; i < baselines.size(); i++) {
            String name = baselines.size() == 1 ? "baseline" : "baseline " + (i + 1);
            builds.add(new Subject(name, baselines.get(i), root));
        }
        builds.add(new Subject(THIS_BUILD_NAME, THIS_BUILD, root));
        this.table = new Table(builds);
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        Bench bench = new Bench(options);
        // A suspended app ignores Ctrl-C until it is resumed.
        Runtime.getRuntime().addShutdownHook(new Thread(bench::abandonApps));
        String loadBefore = Machine.load();
        try {
            bench.run();
        } finally {
            bench.deleteOrKeepFolder();
        }
        System.out.println();
        System.out.println(bench.heading());
        System.out.println(Machine.describe() + "; load average before " + loadBefore + ", after " + Machine.load());
        System.out.println();
        bench.table.print();
    }

    void run() throws Exception {
        engine();
        if (!options.engineOnly()) {
            scale();
            replicas();
            growthRows();
        }
    }

    boolean sideBySide() {
        return builds.size() > 1;
    }

    String heading() {
        String title = "AI-Trader Server benchmark" + options.flags();
        if (!sideBySide()) {
            return title + " of " + THIS_BUILD + " (" + builds.get(0).runLine + ")";
        }
        return title + ", side by side: " + builds.stream().map(b -> b.name + " = " + b.executable + " (" + b.runLine
                + ")").collect(Collectors.joining(", ")) + "; the builds take turns run by run, one app running at a time";
    }

    void deleteOrKeepFolder() throws IOException {
        if (System.getenv("BENCH_KEEP") == null) {
            try (var paths = Files.walk(root)) {
                paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } else {
            System.err.println("kept " + root);
        }
    }

    /** The command line: {@code --quick}, {@code --only engine}, {@code --app PATH} (repeatable). */
    record Options(boolean quick, boolean engineOnly, List<Path> baselines) {

        static Options parse(String[] args) {
            boolean quick = false;
            boolean engineOnly = false;
            List<Path> baselines = new ArrayList<>();
            Iterator<String> it = List.of(args).iterator();
            while (it.hasNext()) {
                String arg = it.next();
                switch (arg) {
                    case "--quick" -> quick = true;
                    case "--only" -> engineOnly = isEngine(valueOf(arg, it));
                    case "--app" -> baselines.add(existingBuild(valueOf(arg, it)));
                    default -> throw new IllegalArgumentException("unknown option: " + arg);
                }
            }
            return new Options(quick, engineOnly, baselines);
        }

        private static String valueOf(String option, Iterator<String> it) {
            if (!it.hasNext()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return it.next();
        }

        private static boolean isEngine(String measures) {
            if (!measures.equals("engine")) {
                throw new IllegalArgumentException("--only knows one set of measures, engine; not " + measures);
            }
            return true;
        }

        private static Path existingBuild(String path) {
            if (!Files.isRegularFile(Path.of(path))) {
                throw new IllegalArgumentException("--app " + path + ": no such file");
            }
            return Path.of(path);
        }

        /** As the heading shows them: "" or " (--quick, --only engine)". */
        String flags() {
            List<String> flags = new ArrayList<>();
            if (quick) {
                flags.add("--quick");
            }
            if (engineOnly) {
                flags.add("--only engine");
            }
            return flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")";
        }
    }

    /**
     * One build under test: its executable, a folder of its own (data directories, app logs), the app of the current
     * phase, and its cost-growth figures.
     */
    static final class Subject {
        final String name;
        final Path executable;
        final RunLine runLine;
        final Path dir;
        final Map<String, Growth> growth = new LinkedHashMap<>();
        /** The long-lived app of the current phase, or null between phases. */
        App app;
        /** The current phase's data directory. */
        Path data;

        Subject(String name, Path executable, Path root) throws IOException {
            this.name = name;
            this.executable = executable;
            this.runLine = RunLine.of(executable);
            this.dir = Files.createDirectories(root.resolve(name.replace(' ', '-')));
        }

        /** The column heading: a baseline's path, or "this build". */
        String heading() {
            return name.equals(THIS_BUILD_NAME) ? name : name + ": " + executable;
        }

        /** Starts the app of a phase on a new data directory; its log is {@code phase}.log. */
        void open(String phase, Path configs) throws Exception {
            data = dir.resolve("data-" + phase);
            app = start(configs, phase);
        }

        /** Starts another app on the current phase's data directory, e.g. to time a restart. */
        App start(Path configs, String logName) throws Exception {
            return App.start(runLine, data, configs, dir.resolve(logName + ".log"));
        }

        void close() throws InterruptedException, IOException {
            if (app != null) {
                app.stop();
                app = null;
            }
        }
    }

    /**
     * How a user starts a build: a native executable directly; a jar as its README's run line says, {@code java
     * [flags] -jar target/quarkus-app/quarkus-run.jar} from the project folder (the first such line of the README
     * two folders above {@code target/quarkus-app}), so the JVM flags a build ships with (a class-data sharing
     * archive, a compiler or collector choice) are measured and no others. A jar outside such a project runs as
     * {@code java -jar PATH}.
     */
    record RunLine(Path folder, List<String> jvmFlags, String executable, boolean jar) {

        static final java.util.regex.Pattern JAVA_RUN = java.util.regex.Pattern
                .compile("java((?:[ \\t]+-[^\\s`]+)*?)[ \\t]+-jar target/quarkus-app/quarkus-run\\.jar");

        static RunLine of(Path executable) throws IOException {
            Path path = executable.toAbsolutePath().normalize();
            if (!path.toString().endsWith(".jar")) {
                return new RunLine(null, List.of(), path.toString(), false);
            }
            Path project = path.endsWith(Path.of("target", "quarkus-app", "quarkus-run.jar"))
                    ? path.getParent().getParent().getParent()
                    : null;
            Path readme = project == null ? null : project.resolve("README.md");
            if (readme != null && Files.isRegularFile(readme)) {
                var m = JAVA_RUN.matcher(Files.readString(readme));
                if (m.find()) {
                    List<String> flags = m.group(1).isBlank() ? List.of() : List.of(m.group(1).trim().split("\\s+"));
                    return new RunLine(project, flags, "target/quarkus-app/quarkus-run.jar", true);
                }
            }
            return new RunLine(null, List.of(), path.toString(), true);
        }

        @Override
        public String toString() {
            String java = String.join(" ", jar ? concat(List.of("java"), jvmFlags, List.of("-jar")) : List.of());
            return (java.isEmpty() ? "" : java + " ") + executable + (folder == null ? "" : " in " + folder);
        }

        private static List<String> concat(List<String> a, List<String> b, List<String> c) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            all.addAll(c);
            return all;
        }
    }

    /** One step of a measure for one build, run while only that build's app runs. */
    interface Step {
        void run(Subject build) throws Exception;
    }

    /**
     * Runs a step for each build in turn. Side by side, each build's app is suspended again after its step, so that
     * only one app process runs at a time and none takes CPU (JIT, GC, timers) from the one being measured.
     */
    void eachBuild(Step step) throws Exception {
        for (Subject build : builds) {
            if (build.app != null) {
                build.app.resume();
            }
            try {
                step.run(build);
            } finally {
                if (sideBySide() && build.app != null) {
                    build.app.suspend();
                }
            }
        }
    }

    void closeApps() throws InterruptedException, IOException {
        for (Subject build : builds) {
            build.close();
        }
    }

    /** At exit, whatever happened: no app stays suspended or running. */
    void abandonApps() {
        for (Subject build : builds) {
            App app = build.app;
            if (app != null && app.process.isAlive()) {
                try {
                    app.resume();
                } catch (IOException | InterruptedException | IllegalStateException e) {
                    // destroy it anyway
                }
                app.process.destroy();
            }
        }
    }

    <T> Map<Subject, List<T>> perBuild() {
        Map<Subject, List<T>> lists = new LinkedHashMap<>();
        builds.forEach(b -> lists.put(b, new ArrayList<>()));
        return lists;
    }

    /**
     * Start-up, RSS and throughput; in the full run also parallel efficiency and growth with days. One data directory
     * per build.
     */
    void engine() throws Exception {
        try {
            eachBuild(this::firstStart);
            warmUp();
            for (int models : new int[] {1, 10, 50}) {
                throughput(models);
            }
            eachBuild(b -> table.add(b, "RSS after the throughput runs", mb(b.app.rssKb()),
                    "same process, after the runs above"));
            if (!options.engineOnly()) {
                parallelEfficiency();
                growthWithDays();
            }
        } finally {
            closeApps();
        }
        restarts();
    }

    void firstStart(Subject build) throws Exception {
        build.open("engine", configs);
        table.add(build, "Start-up, empty data dir (migrations + synthetic prices)", ms(build.app.startupMillis),
                "launch to first 200 on /health; Quarkus says " + build.app.quarkusStarted());
        table.add(build, "RSS idle, after first start", mb(build.app.rssKb()),
                "VmRSS of the app process, memory settings of its run line");
    }

    void warmUp() throws Exception {
        for (int i = 0; i < (quick ? 1 : 2); i++) {
            String config = instantConfig(10);
            eachBuild(b -> b.app.runJob(config, DAYS_30));
        }
    }

    /** Instant mock, {@code models} models x 30 days; each run a fresh config, the same for every build. */
    void throughput(int models) throws Exception {
        int runs = quick ? 2 : models == 1 ? 7 : 5;
        Map<Subject, List<Run>> samples = perBuild();
        Map<Subject, Long> cpuBefore = new HashMap<>();
        for (Subject build : builds) {
            cpuBefore.put(build, build.app.cpuMillis());
        }
        for (int i = 0; i < runs; i++) {
            String config = instantConfig(models);
            eachBuild(b -> samples.get(b).add(measuredJob(b, config, DAYS_30)));
        }
        for (Subject build : builds) {
            List<Run> done = samples.get(build);
            List<Double> rates = done.stream().map(Run::rate).toList();
            double bytes = Stats.median(done.stream().map(Run::bytesPerModelDay).toList());
            double cpuPerDay = (build.app.cpuMillis() - cpuBefore.get(build))
                    / (double) done.stream().mapToInt(r -> r.job().modelDays()).sum();
            table.add(build, "Throughput, instant mock, " + models + " model" + (models > 1 ? "s" : "") + " x 30 days",
                    rate(Stats.median(rates)), "median of " + runs + " runs " + Stats.fmt(rates, "%.0f") + "; "
                            + String.format(Locale.ROOT, "%.2f ms CPU and %.1f KB stored per model-day", cpuPerDay,
                                    bytes / 1024));
            build.growth.put(models + " models x 30 days", new Growth(models * 30,
                    models * 30 / Stats.median(rates), bytes * models * 30));
        }
    }

    /** A measured job and the bytes it added to the database. */
    record Run(Job job, long bytes) {
        double rate() {
            return job.modelDays() / job.seconds();
        }

        double bytesPerModelDay() {
            return bytes / (double) job.modelDays();
        }

        Growth growth() {
            return new Growth(job.modelDays(), job.seconds(), bytes);
        }
    }

    Run measuredJob(Subject build, String config, String[] range) throws Exception {
        long sizeBefore = Db.size(build.data);
        Job job = build.app.runJob(config, range);
        return new Run(job, Db.size(build.data) - sizeBefore);
    }

    record Growth(int modelDays, double seconds, double bytes) {
    }

    /** 10 mocks of 10..100 ms per call x 10 days: wall time over the slowest model's own total latency. */
    void parallelEfficiency() throws Exception {
        Map<Subject, List<Double>> ratios = perBuild();
        Map<Subject, String> lastRun = new HashMap<>();
        for (int run = 0; run < (quick ? 1 : 3); run++) {
            SlowMocks mocks = slowMocks();
            eachBuild(b -> {
                Job job = b.app.runJob(mocks.config(), DAYS_10);
                double ideal = mocks.slowestTotalSeconds(callsPerModel(b.app, job));
                ratios.get(b).add(job.seconds() / ideal);
                lastRun.put(b, String.format(Locale.ROOT, "last run: wall %.2f s, ideal %.2f s", job.seconds(), ideal));
            });
        }
        for (Subject build : builds) {
            List<Double> r = ratios.get(build);
            table.add(build, "Parallel efficiency, 10 mocks (10..100 ms per call) x 10 days",
                    Value.of("%.3f", Stats.median(r)), "wall / slowest model's total latency; median of " + r.size()
                            + " " + Stats.fmt(r, "%.3f") + "; " + lastRun.get(build) + " (target <= 1.10)");
        }
    }

    /** A config of 10 mock models of 10, 20, ... 100 ms per call, and each model's latency. */
    record SlowMocks(String config, Map<String, Integer> latencyMs) {
        double slowestTotalSeconds(Map<String, Integer> calls) {
            return latencyMs.entrySet().stream().mapToDouble(e -> calls.get(e.getKey()) * e.getValue() / 1000.0)
                    .max().orElseThrow();
        }
    }

    SlowMocks slowMocks() throws IOException {
        int id = ++configSeq;
        List<String> models = new ArrayList<>();
        Map<String, Integer> latency = new LinkedHashMap<>();
        for (int m = 0; m < 10; m++) {
            String sig = "slow-" + id + "-" + m;
            latency.put(sig, 10 * (m + 1));
            models.add(mockModel(sig, 1000 + m, 10 * (m + 1)));
        }
        return new SlowMocks(writeConfig("slow-" + id, models), latency);
    }

    /** The LLM calls each model of a job made, from its reasoning sessions. */
    static Map<String, Integer> callsPerModel(App app, Job job) throws Exception {
        Json sessions = app.get("/reasoning?job_id=" + job.id()).json();
        Map<String, Integer> calls = new LinkedHashMap<>();
        for (Json s : sessions.get("sessions").list()) {
            calls.merge(s.get("model").str(), (int) s.get("total_steps").num(), Integer::sum);
        }
        return calls;
    }

    /** 10 models over 10, 50 and 250 days (--quick: 10 and 50): how time and storage grow with the days. */
    void growthWithDays() throws Exception {
        for (String[] range : quick ? new String[][] {DAYS_10, DAYS_50} : new String[][] {DAYS_10, DAYS_50,
                DAYS_250}) {
            String config = instantConfig(10);
            eachBuild(b -> {
                Run run = measuredJob(b, config, range);
                b.growth.put("10 models x " + run.job().modelDays() / 10 + " days", run.growth());
            });
        }
    }

    /** Start-up on the engine's database, and RSS idle after it; the builds' starts alternate. */
    void restarts() throws Exception {
        Map<Subject, List<Double>> starts = perBuild();
        Map<Subject, Long> rss = new HashMap<>();
        for (int i = 0; i < (quick ? 1 : 3); i++) {
            String log = "engine-restart-" + i;
            eachBuild(b -> {
                App again = b.start(configs, log);
                try {
                    starts.get(b).add((double) again.startupMillis);
                    rss.put(b, again.rssKb());
                } finally {
                    again.stop();
                }
            });
        }
        for (Subject build : builds) {
            List<Double> times = starts.get(build);
            table.add(build, "Start-up, existing database",
                    String.format(Locale.ROOT, "%.0f MB", Db.size(build.data) / 1048576.0), ms(Stats.median(times)),
                    "median of " + times.size() + " starts " + Stats.fmt(times, "%.0f"));
            table.add(build, "RSS idle, after a restart", mb(rss.get(build)), "");
        }
    }

    /** 50 models x 250 days stored by one real job, then query latencies. */
    void scale() throws Exception {
        int models = 50;
        String[] range = quick ? new String[] {"2025-01-02", "2025-03-31"} : DAYS_250;
        String config = instantConfig(models);
        Map<Subject, Job> big = new HashMap<>();
        Map<Subject, List<String>> days = new HashMap<>();
        Map<Subject, Job> typical = new HashMap<>();
        int n = quick ? 100 : 500;
        try {
            eachBuild(b -> b.open("scale", configs));
            eachBuild(b -> {
                Run run = measuredJob(b, config, range);
                Job job = run.job();
                b.growth.put(models + " models x " + job.modelDays() / models + " days", run.growth());
                table.add(b, "Throughput at scale, " + models + " models x " + job.modelDays() / models
                        + " days (one job)", rate(run.rate()), String.format(Locale.ROOT,
                                "%d model-days in %.1f s; RSS after %s", job.modelDays(), job.seconds(),
                                mb(b.app.rssKb()).text()));
                big.put(b, job);
                days.put(b, tradingDays(b.app, job));
            });
            eachBuild(b -> latency(b, "GET /results?date=D (50 models, minimal)", n,
                    randomDays(days.get(b), "")));
            eachBuild(b -> latency(b, "GET /results?date=D&detail=full", n, randomDays(days.get(b), "&detail=full")));
            // A job of the default size limit (MAX_SIMULATION_DAYS = 30): the same models run again over 30 days.
            eachBuild(b -> typical.put(b, b.app.runJob(config, DAYS_30, true)));
            eachBuild(b -> {
                Job job = typical.get(b);
                latency(b, "GET /simulate/status/{id} (" + job.modelDays() + " model-days: 50 models x 30 days)", n,
                        i -> "/simulate/status/" + job.id());
            });
            eachBuild(b -> {
                Job job = big.get(b);
                latency(b, "GET /simulate/status/{id} (" + job.modelDays() + " model-days, one job of "
                        + job.modelDays() / models + " days)", n / 5, i -> "/simulate/status/" + job.id());
            });
            eachBuild(b -> latency(b, "GET /simulate/jobs", n, i -> "/simulate/jobs"));
            eachBuild(b -> performance(b, days.get(b), n));
        } finally {
            closeApps();
        }
    }

    /**
     * 20 models × 3 replicas × 250 days (issue 18): /performance with its bootstrap intervals and replica groups, both
     * repeated (answers kept by their inputs) and with a new bootstrap_seed each time (every model resampled).
     */
    void replicas() throws Exception {
        int models = 20;
        String[] range = quick ? new String[] {"2025-01-02", "2025-03-31"} : DAYS_250;
        int id = ++configSeq;
        List<String> entries = IntStream.range(0, models).mapToObj(m -> mockModel("replicated-" + id + "-" + m,
                id * 100 + m, 0).replaceFirst("}$", ", \"replicas\": 3}")).toList();
        String config = writeConfig("replicated-" + id, entries);
        Map<Subject, List<String>> days = new HashMap<>();
        Map<Subject, Boolean> grouped = new HashMap<>();
        int n = quick ? 20 : 100;
        try {
            eachBuild(b -> b.open("replicas", configs));
            eachBuild(b -> {
                Job job = b.app.runJob(config, range);
                days.put(b, tradingDays(b.app, job));
                grouped.put(b, job.modelDays() == models * 3 * days.get(b).size()); // an older build runs 20
            });
            eachBuild(b -> {
                String label = "GET /performance, " + models + " models x 3 replicas x " + days.get(b).size()
                        + " days";
                if (!grouped.get(b)) {
                    table.add(b, label, Value.text("n/a"), "this build runs no replicas");
                    return;
                }
                String period = "/performance?start_date=" + days.get(b).get(0) + "&end_date="
                        + days.get(b).get(days.get(b).size() - 1);
                latency(b, label + ", repeated", n, i -> period);
                AtomicInteger seed = new AtomicInteger(1000);
                latency(b, label + ", a new bootstrap_seed each time", 5,
                        i -> period + "&bootstrap_seed=" + seed.incrementAndGet());
            });
        } finally {
            closeApps();
        }
    }

    static List<String> tradingDays(App app, Job job) throws Exception {
        return app.get("/simulate/status/" + job.id()).json().get("date_range").list().stream().map(Json::str)
                .toList();
    }

    /** Paths of /results for random days: the same days, in the same order, for every build. */
    static IntFunction<String> randomDays(List<String> days, String query) {
        Random random = new Random(7);
        return i -> "/results?date=" + days.get(random.nextInt(days.size())) + query;
    }

    void performance(Subject build, List<String> days, int n) throws Exception {
        if (build.app.get("/performance").status() == 404) {
            table.add(build, "GET /performance", Value.text("n/a"), "the endpoint is not in this build");
            return;
        }
        latency(build, "GET /performance (default: last 30 calendar days of data)", n, i -> "/performance");
        latency(build, "GET /performance over " + days.size() + " days", n / 5,
                i -> "/performance?start_date=" + days.get(0) + "&end_date=" + days.get(days.size() - 1));
    }

    void latency(Subject build, String label, int n, IntFunction<String> path) throws Exception {
        for (int i = 0; i < Math.max(20, n / 5); i++) {
            build.app.get(path.apply(i)).expect(200); // warm-up
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Reply reply = build.app.get(path.apply(i)).expect(200);
            millis.add(reply.nanos / 1e6);
        }
        Collections.sort(millis);
        table.add(build, label, Value.of("p50 %.1f ms, p99 %.1f ms", List.of("p50", "p99"), Stats.pct(millis, 50),
                Stats.pct(millis, 99)), n + " sequential requests after a warm-up; max "
                        + String.format(Locale.ROOT, "%.1f ms", millis.get(millis.size() - 1)));
    }

    void growthRows() {
        for (Subject build : builds) {
            build.growth.forEach((label, g) -> table.add(build, "Cost growth: " + label.replace("1 models", "1 model"),
                    Value.of("%.2f s, %.1f MB", List.of("time", "size"), g.seconds(), g.bytes() / 1048576.0),
                    String.format(Locale.ROOT, "%.2f ms and %.1f KB per model-day", g.seconds() * 1000 / g.modelDays(),
                            g.bytes() / 1024 / g.modelDays())));
        }
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

    static Value ms(double millis) {
        return Value.of("%.0f ms", millis);
    }

    static Value mb(long kb) {
        return Value.of("%.0f MB", kb / 1024.0);
    }

    static Value rate(double modelDaysPerSecond) {
        return Value.of("%.0f model-days/s", modelDaysPerSecond);
    }

    /** A result: its text, and the numbers in it that the ratio column divides. */
    record Value(String text, List<String> names, double[] numbers) {
        static Value of(String format, double number) {
            return of(format, List.of(""), number);
        }

        /** {@code names} label the numbers in the ratio column: "p50 0.95, p99 1.10". */
        static Value of(String format, List<String> names, double... numbers) {
            Object[] args = Arrays.stream(numbers).boxed().toArray();
            return new Value(String.format(Locale.ROOT, format, args), names, numbers);
        }

        static Value text(String text) {
            return new Value(text, List.of(), new double[0]);
        }

        /** This value over another, number by number; "" when they do not compare. */
        String over(Value base) {
            if (numbers.length == 0 || numbers.length != base.numbers.length) {
                return "";
            }
            return IntStream.range(0, numbers.length)
                    .mapToObj(i -> (names.get(i).isEmpty() ? "" : names.get(i) + " ")
                            + (base.numbers[i] == 0 ? "n/a"
                                    : String.format(Locale.ROOT, "%.2f", numbers[i] / base.numbers[i])))
                    .collect(Collectors.joining(", "));
        }
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
        /** Set by {@link #suspend}: a frozen app must be resumed before it can answer or stop. */
        volatile boolean suspended;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        private App(Process process, int port, long startupMillis, Path log) {
            this.process = process;
            this.port = port;
            this.startupMillis = startupMillis;
            this.log = log;
        }

        /**
         * Starts a build as a user runs it ({@link RunLine}: the JDK that runs this program with the flags of the
         * build's README, from its project folder; or the native executable), with only settings: port, data and
         * config directories, limits.
         */
        static App start(RunLine run, Path data, Path configs, Path log) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>();
            if (run.jar()) {
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(run.jvmFlags());
            } else {
                command.add(run.executable());
            }
            command.addAll(List.of("-Dquarkus.http.port=" + port,
                    "-Dquarkus.http.host=127.0.0.1", "-Dapp.data-dir=" + data, "-Dapp.configs-dir=" + configs,
                    "-Dapp.default-config=" + configs.resolve("default_config.json"),
                    "-Dapp.max-simulation-days=260", "-Dapp.auto-download-price-data=false"));
            if (run.jar()) {
                command.addAll(List.of("-jar", run.executable()));
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            if (run.folder() != null) {
                builder.directory(run.folder().toFile());
            }
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

        /** Freezes the process (SIGSTOP) while another build is measured, until {@link #resume}. */
        void suspend() throws IOException, InterruptedException {
            if (!suspended && process.isAlive()) {
                signal("STOP");
                suspended = true;
            }
        }

        void resume() throws IOException, InterruptedException {
            if (suspended && process.isAlive()) {
                signal("CONT");
            }
            suspended = false;
        }

        private void signal(String name) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        }

        void stop() throws InterruptedException, IOException {
            resume(); // a suspended process would not act on SIGTERM
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

    /** The printed table: one row per measure, one result column per build. */
    static final class Table {
        final List<Subject> builds;
        final Map<String, Map<Subject, Cell>> rows = new LinkedHashMap<>();

        Table(List<Subject> builds) {
            this.builds = builds;
        }

        /** One build's result of a measure; a detail goes into the measure's label in parentheses. */
        record Cell(String detail, Value value, String note) {
        }

        void add(Subject build, String measure, Value value, String note) {
            add(build, measure, "", value, note);
        }

        void add(Subject build, String measure, String detail, Value value, String note) {
            rows.computeIfAbsent(measure, m -> new LinkedHashMap<>()).put(build, new Cell(detail, value, note));
            System.err.println("  " + (builds.size() > 1 ? "[" + build.name + "] " : "")
                    + (detail.isEmpty() ? measure : measure + " (" + detail + ")") + ": " + value.text()
                    + (note.isEmpty() ? "" : "  (" + note + ")"));
        }

        void print() {
            List<String> headings = new ArrayList<>(List.of("Measure"));
            if (builds.size() == 1) {
                headings.add("Result");
            } else {
                builds.forEach(b -> headings.add(b.heading()));
                headings.add("this / first baseline");
            }
            headings.add("Notes");
            System.out.println(line(headings));
            System.out.println(line(Collections.nCopies(headings.size(), "---")));
            rows.forEach((measure, cells) -> System.out.println(line(row(measure, cells))));
        }

        List<String> row(String measure, Map<Subject, Cell> cells) {
            List<String> row = new ArrayList<>(List.of(label(measure, cells)));
            builds.forEach(b -> row.add(cells.containsKey(b) ? cells.get(b).value().text() : "-"));
            if (builds.size() > 1) {
                Cell first = cells.get(builds.get(0));
                Cell last = cells.get(builds.get(builds.size() - 1));
                row.add(first == null || last == null ? "" : last.value().over(first.value()));
            }
            row.add(notes(cells));
            return row;
        }

        /** The measure, with the builds' details ("76 MB", or "70 MB / 76 MB" when they differ). */
        static String label(String measure, Map<Subject, Cell> cells) {
            List<String> details = cells.values().stream().map(Cell::detail).toList();
            String detail = details.stream().distinct().count() == 1 ? details.get(0) : String.join(" / ", details);
            return detail.isEmpty() ? measure : measure + " (" + detail + ")";
        }

        /**
         * The parts of the notes ("; "-separated) that every build shares, once; then each build's other parts, tagged
         * with its name.
         */
        static String notes(Map<Subject, Cell> cells) {
            Map<Subject, List<String>> parts = new LinkedHashMap<>();
            cells.forEach((build, cell) -> parts.put(build, List.of(cell.note().split("; "))));
            List<String> first = parts.values().iterator().next();
            int shared = 0;
            while (shared < first.size() && sharedBy(parts.values(), shared, first.get(shared))) {
                shared++;
            }
            List<String> notes = new ArrayList<>(first.subList(0, shared));
            List<String> own = new ArrayList<>();
            for (Map.Entry<Subject, List<String>> e : parts.entrySet()) {
                List<String> rest = e.getValue().subList(shared, e.getValue().size());
                if (!String.join("", rest).isEmpty()) {
                    own.add("[" + e.getKey().name + "] " + String.join("; ", rest));
                }
            }
            if (!own.isEmpty()) {
                notes.add(String.join(" ", own));
            }
            return String.join("; ", notes);
        }

        private static boolean sharedBy(Iterable<List<String>> notes, int index, String part) {
            for (List<String> note : notes) {
                if (note.size() <= index || !note.get(index).equals(part)) {
                    return false;
                }
            }
            return true;
        }

        static String line(List<String> cells) {
            return "| " + String.join(" | ", cells) + " |";
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
