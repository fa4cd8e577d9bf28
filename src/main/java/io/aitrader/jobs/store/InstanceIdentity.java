package io.aitrader.jobs.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.aitrader.jobs.JobsSettings;

/**
 * This process's name in work leases: INSTANCE_ID (else the host name) plus a suffix new at every start, so a restarted
 * instance never renews the leases its previous life left behind; those expire and are taken over.
 */
@Singleton
public class InstanceIdentity {

    private final String id;

    InstanceIdentity(JobsSettings settings) {
        this.id = settings.instanceId().filter(s -> !s.isBlank()).orElseGet(InstanceIdentity::hostName) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "instance";
        }
    }
}
