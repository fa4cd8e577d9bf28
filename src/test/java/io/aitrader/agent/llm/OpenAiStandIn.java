package io.aitrader.agent.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local OpenAI-compatible (or Anthropic) stand-in on 127.0.0.1: it answers scripted replies in order, then asks
 * its responder, and records every request with its headers and body. Replies may be delayed to model a slow
 * provider.
 */
public final class OpenAiStandIn implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded request. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("the client sent a body that is not JSON: " + body, e);
            }
        }
    }

    /** One scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body, long delayMs) {

        public static Reply ok(String body) {
            return new Reply(200, Map.of(), body, 0);
        }

        public static Reply error(int status, String message) {
            return new Reply(status, Map.of(), "{\"error\":{\"message\":\"" + message + "\",\"type\":\"server\"}}", 0);
        }

        public Reply header(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, all, body, delayMs);
        }

        public Reply delayed(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> script = new ArrayDeque<>();
    private volatile Function<Recorded, Reply> responder = r -> Reply.error(500, "the stand-in has no answer left");
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private OpenAiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static OpenAiStandIn start() {
        try {
            return new OpenAiStandIn();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server root, e.g. http://127.0.0.1:40123 (add /v1 for the OpenAI base URL). */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String baseUrl() {
        return root() + "/v1";
    }

    public synchronized OpenAiStandIn then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers every request once the script is used up. */
    public OpenAiStandIn otherwise(Function<Recorded, Reply> answer) {
        this.responder = answer;
        return this;
    }

    public List<JsonNode> bodies() {
        return requests.stream().map(Recorded::json).toList();
    }

    private synchronized Reply next(Recorded request) {
        Reply reply = script.poll();
        return reply != null ? reply : responder.apply(request);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        Reply reply = next(request);
        try {
            if (reply.delayMs() > 0) {
                Thread.sleep(reply.delayMs());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException | IOException e) {
            // the client gave up (timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
