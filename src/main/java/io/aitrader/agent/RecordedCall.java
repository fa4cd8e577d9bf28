package io.aitrader.agent;

/**
 * One HTTP exchange with a model provider, verbatim (contract 9): the request body as sent — credentials travel in
 * headers, which are not kept — with its SHA-256, and the response's status and body as received, before any
 * repair. {@code step} is the model call of the day (1, 2, … the summary last); {@code attempt} counts its retries;
 * {@code servedBy} says who answered: the provider, or (free) a replay of a recording or the response cache.
 */
public record RecordedCall(int step, int attempt, String url, String requestHash, String request, int status,
        String response, String servedBy) {

    public static final String PROVIDER = "provider";
    public static final String REPLAY = "replay";
    public static final String CACHE = "cache";

    public boolean succeeded() {
        return status >= 200 && status <= 299;
    }
}
