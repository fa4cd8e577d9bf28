package io.aitrader.agent;

import java.time.LocalDate;

/**
 * Where a trader's model calls are answered from instead of its provider: the recordings of the job a replay
 * reproduces, or the response cache of a model with {@code "cache": true}. Asked once at the start of each day.
 */
@FunctionalInterface
public interface RecordedAnswers {

    /** Sets the day's {@code recording} to replay what was recorded for the model and date, or to use the cache. */
    void prepare(String model, LocalDate date, CallRecording recording);
}
