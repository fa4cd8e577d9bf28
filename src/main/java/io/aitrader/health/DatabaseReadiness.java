package io.aitrader.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the schema answers a query (not only that a connection opens). */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final HealthService health;

    DatabaseReadiness(HealthService health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ai-trader-database").status(health.databaseAnswers()).build();
    }
}
