package io.aitrader.agent;

import io.aitrader.cost.Tokens;

/**
 * The model calls of one model-day, their tokens added up and their exchanges recorded as they are made — also when
 * the day then fails, since a failed day's calls were paid for too. Confined to the day's thread.
 */
public final class DayUsage {

    private final CallRecording recording = new CallRecording();
    private Tokens tokens = Tokens.ZERO;
    private int calls;
    private int unreported;
    private int served;

    /** Adds one answered call; {@code reported} is null when the provider said nothing of its tokens. */
    public void add(Tokens reported) {
        calls++;
        if (reported == null) {
            unreported++;
        } else {
            tokens = tokens.plus(reported);
        }
    }

    /** Adds one call a replay or the response cache answered: free, so its tokens are not billed. */
    public void served() {
        served++;
    }

    /** Calls answered by a replay or the response cache. */
    public int servedCalls() {
        return served;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** The provider exchanges behind the calls, verbatim (none for mock models: they call no provider). */
    public CallRecording recording() {
        return recording;
    }

    /** Model calls the provider answered (and billed). */
    public int calls() {
        return calls;
    }

    /** Calls whose tokens the provider did not report: the day's cost is unknown when there is one. */
    public int unreported() {
        return unreported;
    }
}
