package io.aitrader.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The provider exchanges of one model-day, in order, as its loop makes them; kept also when the day fails, for
 * diagnosis. A replayed day answers every call from the recording of the same step and fails at the first request
 * that differs from it; a cached model answers a request seen before from the cache. Served calls cost nothing.
 * Confined to the day's thread.
 */
public final class CallRecording {

    private final List<RecordedCall> calls = new ArrayList<>();
    private int step;
    private int attempt;
    private boolean stepServed;
    private Map<Integer, RecordedCall> replay;
    private java.util.Set<Integer> failedSteps;
    private ResponseCache cache;
    private String basemodel;

    /** Answers the day's calls from {@code recorded} (a completed day's calls; the answered attempt of each step). */
    public void replaying(List<RecordedCall> recorded) {
        replay = new TreeMap<>();
        failedSteps = new java.util.TreeSet<>();
        recorded.stream().filter(RecordedCall::succeeded).forEach(call -> replay.put(call.step(), call));
        recorded.stream().map(RecordedCall::step).filter(step -> !replay.containsKey(step)).forEach(failedSteps::add);
    }

    /** Answers a request the provider answered before for {@code basemodel} from {@code answers}. */
    public void caching(String basemodel, ResponseCache answers) {
        this.basemodel = basemodel;
        this.cache = answers;
    }

    /** The day's next model call begins; its exchanges (one per attempt) are numbered from 1. */
    public void nextStep() {
        step++;
        attempt = 0;
        stepServed = false;
    }

    /** Whether the current call was answered by a replay or the cache (then it costs nothing). */
    public boolean stepServed() {
        return stepServed;
    }

    /**
     * The recorded answer to this request, when the day is replayed or the model cached; empty: ask the provider.
     * A replayed day never asks the provider: a request its recording does not hold is a {@link ReplayMismatch}.
     */
    public Optional<String> serve(String url, String request) {
        String hash = sha256(request);
        int current = Math.max(step, 1);
        if (replay != null) {
            RecordedCall recorded = replay.get(current);
            if (recorded == null && failedSteps.contains(current)) {
                // the day completed without this call (its summary fell back): fail it again, as it failed then
                throw new IllegalStateException("the recorded call of step " + current + " failed");
            }
            if (recorded == null) {
                throw new ReplayMismatch("replay_diverged at step " + current + ": the recording has "
                        + replay.size() + " model calls for this day and no call " + current);
            }
            if (!recorded.requestHash().equals(hash)) {
                throw new ReplayMismatch("replay_diverged at step " + current
                        + ": the request differs from the recorded one (sha256 " + hash.substring(0, 12)
                        + "…, recorded " + recorded.requestHash().substring(0, 12) + "…)");
            }
            return Optional.of(served(url, request, hash, recorded.response(), RecordedCall.REPLAY));
        }
        if (cache != null) {
            return cache.find(basemodel, hash, request)
                    .map(answer -> served(url, request, hash, answer, RecordedCall.CACHE));
        }
        return Optional.empty();
    }

    /** An exchange of the current step with the provider: the request as sent and the response as received. */
    public void received(String url, String request, int status, String response) {
        attempt++;
        calls.add(new RecordedCall(Math.max(step, 1), attempt, url, sha256(request), request, status, response,
                RecordedCall.PROVIDER));
    }

    public List<RecordedCall> calls() {
        return Collections.unmodifiableList(calls);
    }

    private String served(String url, String request, String hash, String response, String servedBy) {
        attempt++;
        stepServed = true;
        calls.add(new RecordedCall(Math.max(step, 1), attempt, url, hash, request, 200, response, servedBy));
        return response;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
