package io.aitrader.jobs.trigger;

/** The outcome of a trigger: an HTTP status and the body the contract gives it. */
public record TriggerAnswer(int status, Object body) {
}
