package io.paperpulse.ingest.messaging;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Down while a page from Kafka waits to be tried again because MongoDB or Kafka failed it: an instance that cannot
 * store pages should get no REST pushes either. Up again once that page went through (or turned out to be refused).
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {
    static final String NAME = "ingest-store";

    private final AtomicReference<String> outage = new AtomicReference<>();

    void failing(Throwable failure) {
        outage.set(failure.toString());
    }

    void recovered() {
        outage.set(null);
    }

    @Override
    public HealthCheckResponse call() {
        String failure = outage.get();
        return failure == null
                ? HealthCheckResponse.up(NAME)
                : HealthCheckResponse.named(NAME).down().withData("waiting page failed with", failure).build();
    }
}
