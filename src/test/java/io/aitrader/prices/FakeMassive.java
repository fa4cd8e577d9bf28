package io.aitrader.prices;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Massive's grouped-daily endpoint, {@code GET /v2/aggs/grouped/locale/us/market/stocks/{date}},
 * answering in its documented wire format: {@code status} OK with {@code results} of {@code T}, {@code o}, {@code h},
 * {@code l}, {@code c}, {@code v}, {@code vw}, {@code n}, {@code t}; none on a day without trading; 403
 * {@code NOT_AUTHORIZED} for a date the plan does not cover; 429 {@code ERROR} when the minute's requests are spent;
 * 401 for an unknown key. Records each request (date and query) with the time it came.
 */
public final class FakeMassive implements AutoCloseable {

    static final String PATH = "/v2/aggs/grouped/locale/us/market/stocks/";

    public record Reply(int status, String body) {
    }

    public record Request(LocalDate date, Map<String, String> query, Instant at) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final InstantSource clock;
    private final Map<LocalDate, Deque<Reply>> replies = new ConcurrentHashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeMassive(InstantSource clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The answers for a date from now on, in order; the last one repeats. Dates with nothing set answer as a day
     * without trading.
     */
    public FakeMassive on(LocalDate date, Reply... answers) {
        replies.put(date, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    /** The date's bars: for each symbol its open, and high, low, close derived from it. */
    public FakeMassive trades(LocalDate date, Map<String, Double> opens) {
        return on(date, new Reply(200, grouped(date, opens)));
    }

    List<LocalDate> datesAsked() {
        return requests.stream().map(Request::date).toList();
    }

    /** A grouped-daily answer as Massive writes it (fields in its order, {@code t} the day's 16:00 New York). */
    static String grouped(LocalDate date, Map<String, Double> opens) {
        long t = date.atTime(16, 0).atZone(AlphaVantageClient.MARKET_ZONE).toInstant().toEpochMilli();
        String results = opens.entrySet().stream().map(e -> {
            double o = e.getValue();
            return "{\"T\":\"%s\",\"c\":%s,\"h\":%s,\"l\":%s,\"n\":1234,\"o\":%s,\"t\":%d,\"v\":%d,\"vw\":%s}"
                    .formatted(e.getKey(), o * 1.01, o * 1.02, o * 0.98, o, t, 1_000_000 + Math.round(o), o * 1.005);
        }).collect(Collectors.joining(","));
        return "{\"adjusted\":true,\"queryCount\":%d,\"request_id\":\"6a7e466379af0a71039d60cc78e72282\",\"results\":[%s],\"resultsCount\":%d,\"status\":\"OK\"}"
                .formatted(opens.size(), results, opens.size());
    }

    static final String NO_TRADING = "{\"adjusted\":true,\"queryCount\":0,\"request_id\":\"1a2b3c\",\"resultsCount\":0,"
            + "\"status\":\"OK\"}";
    static final String PLAN_REFUSAL = "{\"status\":\"NOT_AUTHORIZED\",\"request_id\":\"1e2a4e1c68224da666232d16699b7fd7\","
            + "\"message\":\"Your plan doesn't include this data timeframe. Please upgrade your plan at "
            + "https://polygon.io/pricing\"}";
    static final String RATE_LIMIT = "{\"status\":\"ERROR\",\"request_id\":\"4b382ea29fa0494d312e1c8ecee9038d\","
            + "\"error\":\"You've exceeded the maximum requests per minute, please wait or upgrade your subscription "
            + "to continue. https://polygon.io/pricing\"}";
    static final String UNKNOWN_KEY = "{\"status\":\"ERROR\",\"request_id\":\"dd68e9ff\",\"error\":\"Unknown API Key\"}";

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        LocalDate date = LocalDate.parse(path.substring(PATH.length()));
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        requests.add(new Request(date, query, clock.instant()));
        Deque<Reply> queued = replies.get(date);
        Reply reply;
        if (queued == null || queued.isEmpty()) {
            reply = new Reply(200, NO_TRADING);
        } else {
            synchronized (queued) {
                reply = queued.size() > 1 ? queued.removeFirst() : queued.peekFirst();
            }
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
