package io.aitrader.jobs.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.aitrader.jobs.store.InstanceIdentity;
import io.aitrader.jobs.store.JobStatus;
import io.aitrader.platform.database.Database;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;
import io.aitrader.platform.database.StoreException;
import io.quarkus.logging.Log;
import io.vertx.core.eventbus.EventBus;

/**
 * PostgreSQL {@code LISTEN/NOTIFY} between instances: progress events reach SSE clients whichever instance they talk
 * to, a cancel reaches the instance running the job's model-days, and new runnable work wakes idle instances at once
 * instead of at their next poll. Notifications are a speed-up only: leases and polling keep everything correct when
 * one is lost.
 */
@ApplicationScoped
public class ClusterSignals {

    static final String EVENTS = "aitrader_events";
    static final String WORK = "aitrader_work";
    /** PostgreSQL refuses payloads of 8000 bytes or more; longer events (long errors) are cut. */
    private static final int MAX_PAYLOAD = 7900;

    private final DataSource dataSource;
    private final InstanceIdentity instance;
    private final EventBus bus;
    private final JobEvents events;
    private final CancelFlags cancelFlags;
    private final boolean shared;
    private volatile boolean listening;

    ClusterSignals(@Storage DataSource dataSource, InstanceIdentity instance, EventBus bus, JobEvents events,
            CancelFlags cancelFlags, Database database) {
        this.shared = database.postgres(); // SQLite has one instance: nobody to tell
        this.dataSource = dataSource;
        this.instance = instance;
        this.bus = bus;
        this.events = events;
        this.cancelFlags = cancelFlags;
    }

    /** Whether other instances may share the database (PostgreSQL). */
    public boolean shared() {
        return shared;
    }

    /** Tells the other instances about a progress event this one published locally. */
    void event(JobEvent event, String json) {
        if (!shared) {
            return;
        }
        if (json.length() > MAX_PAYLOAD) {
            json = events.toJson(new JobEvent(event.type(), event.jobId(), event.status(), event.model(), event.date(),
                    event.symbol(), event.error() == null ? null : event.error().substring(0, 500) + "...",
                    event.finished(), event.timestamp()));
        }
        notify(EVENTS, json);
    }

    /** Tells the other instances that work may have become runnable. */
    public void workAvailable() {
        notify(WORK, "");
    }

    private void notify(String channel, String message) {
        if (!shared) {
            return;
        }
        try {
            // pg_notify answers one row with nothing in it
            Jdbc.find(dataSource, "Notification not sent", "SELECT pg_notify(?, ?)", rs -> null, channel,
                    instance.id() + "|" + message);
        } catch (StoreException e) {
            Log.debugf("Notification on %s not sent: %s", channel, e.getCause().getMessage());
        }
    }

    /** Listens for the other instances on {@code thread} (one of its own, given by the engine) until stopped. */
    public void start(Executor thread) {
        if (!shared) {
            return;
        }
        listening = true;
        thread.execute(this::listen);
    }

    /** Stops listening: the listener lets go of its connection within a second (it checks every second). */
    public void stop() {
        listening = false;
    }

    private void listen() {
        while (listening) {
            try {
                Jdbc.withConnection(dataSource, "Listening for other instances failed", this::listenOn);
            } catch (RuntimeException e) {
                if (listening) {
                    Log.warnf("Listening for other instances failed (%s); retrying in a second",
                            e instanceof StoreException && e.getCause() != null
                                    ? e.getCause().getMessage()
                                    : e.getMessage());
                    pause();
                }
            }
        }
    }

    /** Holds one connection for as long as this instance listens. */
    private Void listenOn(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("LISTEN " + EVENTS);
            st.execute("LISTEN " + WORK);
        }
        PGConnection pg = conn.unwrap(PGConnection.class);
        while (listening) {
            PGNotification[] received = pg.getNotifications(1000);
            if (received != null) {
                for (PGNotification notification : received) {
                    receive(notification.getName(), notification.getParameter());
                }
            }
        }
        return null;
    }

    private void receive(String channel, String payload) {
        int bar = payload.indexOf('|');
        if (bar < 0 || payload.substring(0, bar).equals(instance.id())) {
            return; // our own, already delivered locally
        }
        if (WORK.equals(channel)) {
            bus.send(JobAddresses.WORK, "");
            return;
        }
        String json = payload.substring(bar + 1);
        JobEvent event = events.parse(json);
        if ("job".equals(event.type()) && JobStatus.CANCELLED.wire().equals(event.status())) {
            cancelFlags.cancel(event.jobId());
        }
        bus.publish(JobAddresses.EVENTS, json);
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
