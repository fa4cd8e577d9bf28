package io.aitrader.agent;

/**
 * Connects one trader's provider HTTP client to the model-day it is running: the agent loop points it at the day's
 * {@link CallRecording} and the client writes every exchange into it. A trader runs one day at a time (a model's days
 * are claimed in order), so one field suffices; volatile because consecutive days may run on different threads.
 */
public final class CallTape {

    private volatile CallRecording day;

    void begin(CallRecording recording) {
        day = recording;
    }

    void end() {
        day = null;
    }

    /** The recorded answer to the request when the day is replayed or the model cached; empty: ask the provider. */
    public java.util.Optional<String> serve(String url, String request) {
        CallRecording current = day;
        return current == null ? java.util.Optional.empty() : current.serve(url, request);
    }

    /** Called by the HTTP client for each exchange; nothing is kept outside a model-day (a connection check). */
    public void received(String url, String request, int status, String response) {
        CallRecording current = day;
        if (current != null) {
            current.received(url, request, status, response);
        }
    }
}
