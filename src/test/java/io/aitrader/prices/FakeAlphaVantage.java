package io.aitrader.prices;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Alpha Vantage's {@code /query} endpoint on 127.0.0.1: answers scripted per symbol, and
 * records every request (its query parameters and the fake clock's time).
 */
public final class FakeAlphaVantage implements AutoCloseable {

    static final String UNKNOWN_SYMBOL = "{\"Error Message\": \"Invalid API call. Please retry or visit the "
            + "documentation (https://www.alphavantage.co/documentation/) for TIME_SERIES_DAILY.\"}";

    record Reply(int status, String body, boolean hang) {
    }

    record Request(Map<String, String> query, Instant at) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final InstantSource clock;
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile long delayMillis;
    /** Requests answered normally before every answer is the free tier's rate-limit Note; negative: no limit. */
    private final AtomicInteger limitLeft = new AtomicInteger(-1);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public FakeAlphaVantage(InstantSource clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/query", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues answers for a symbol (or, for requests without one such as NEWS_SENTIMENT, a function); the last one repeats. */
    FakeAlphaVantage on(String symbol, Reply... answers) {
        replies.computeIfAbsent(symbol, s -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    public FakeAlphaVantage ok(String symbol, String body) {
        return on(symbol, new Reply(200, body, false));
    }

    /** Every answer waits this long first (a slow provider). */
    public FakeAlphaVantage slowly(long millis) {
        delayMillis = millis;
        return this;
    }

    /** After {@code answers} more requests, every request gets the rate-limit {@code Note} (a spent quota). */
    public FakeAlphaVantage limitAfter(int answers) {
        limitLeft.set(answers);
        return this;
    }

    /** The quota is back: every request gets its scripted answer. */
    public FakeAlphaVantage unlimited() {
        limitLeft.set(-1);
        return this;
    }

    /** Requests are recorded but wait for {@link #releaseAnswers()} before they are answered. */
    public FakeAlphaVantage holdAnswers() {
        gate = new CountDownLatch(1);
        return this;
    }

    public FakeAlphaVantage releaseAnswers() {
        gate.countDown();
        return this;
    }

    /** Forgets scripted answers, recorded requests, the delay and the limit (one stand-in serves several tests). */
    public FakeAlphaVantage reset() {
        replies.clear();
        requests.clear();
        delayMillis = 0;
        releaseAnswers();
        return unlimited();
    }

    public int requestCount() {
        return requests.size();
    }

    /** The symbol of every request so far, in order. */
    public List<String> symbolsAsked() {
        return requests.stream().map(r -> r.query().get("symbol")).filter(java.util.Objects::nonNull).toList();
    }

    /** The function of every request so far, in order. */
    public List<String> functionsAsked() {
        return requests.stream().map(r -> r.query().get("function")).toList();
    }

    /** The query of every NEWS_SENTIMENT request so far, in order. */
    public List<Map<String, String>> newsAsked() {
        return requests.stream().map(Request::query).filter(q -> "NEWS_SENTIMENT".equals(q.get("function")))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        requests.add(new Request(query, clock.instant()));
        Reply reply = limitLeft.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0
                ? new Reply(200, AlphaVantageBodies.NOTE, false)
                : next(query.containsKey("symbol") ? query.get("symbol") : query.getOrDefault("function", ""));
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (reply.hang()) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                reply.body().startsWith("<") ? "text/html" : "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Reply next(String symbol) {
        Deque<Reply> queue = replies.get(symbol);
        if (queue == null || queue.isEmpty()) {
            return new Reply(200, UNKNOWN_SYMBOL, false);
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.pollFirst() : queue.peekFirst();
        }
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close() {
        release.countDown();
        gate.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
