package io.aitrader.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The provider exchanges of one model-day, in order, as its loop makes them; kept also when the day fails, for
 * diagnosis. Confined to the day's thread.
 */
public final class CallRecording {

    private final List<RecordedCall> calls = new ArrayList<>();
    private int step;
    private int attempt;

    /** The day's next model call begins; its exchanges (one per attempt) are numbered from 1. */
    public void nextStep() {
        step++;
        attempt = 0;
    }

    /** An exchange of the current step: the request as sent and the response as received. */
    public void received(String url, String request, int status, String response) {
        attempt++;
        calls.add(new RecordedCall(Math.max(step, 1), attempt, url, sha256(request), request, status, response));
    }

    public List<RecordedCall> calls() {
        return Collections.unmodifiableList(calls);
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
