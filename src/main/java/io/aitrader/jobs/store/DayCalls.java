package io.aitrader.jobs.store;

import java.util.List;

import io.aitrader.agent.RecordedCall;

/** A model-day's recorded model calls, with the basemodel the response cache finds them by. */
public record DayCalls(String basemodel, List<RecordedCall> calls) {

    public static final DayCalls NONE = new DayCalls(null, List.of());
}
