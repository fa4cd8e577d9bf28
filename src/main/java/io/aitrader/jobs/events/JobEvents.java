package io.aitrader.jobs.events;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;

/** Publishes progress events on the event bus as JSON text and lets SSE streams listen to them. */
@ApplicationScoped
public class JobEvents {

    private final EventBus bus;
    private final ObjectMapper json;
    private final ClusterSignals signals;

    JobEvents(EventBus bus, ObjectMapper json, ClusterSignals signals) {
        this.bus = bus;
        this.json = json;
        this.signals = signals;
    }

    /** To this instance's listeners, and to every other instance's too (PostgreSQL). */
    public void publish(JobEvent event) {
        String text = toJson(event);
        bus.publish(JobAddresses.EVENTS, text);
        signals.event(event, text);
    }

    public String toJson(JobEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public JobEvent parse(String text) {
        try {
            return json.readValue(text, JobEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subscribes to every event; the caller filters by job and unregisters the returned consumer when done. */
    public MessageConsumer<String> listen(Consumer<String> listener) {
        return bus.<String>consumer(JobAddresses.EVENTS, message -> listener.accept(message.body()));
    }
}
