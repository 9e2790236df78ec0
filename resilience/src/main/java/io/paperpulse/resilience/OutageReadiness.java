package io.paperpulse.resilience;

import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Down while a record waits to be tried again because a store or broker failed it: an instance that cannot do its work
 * should get no traffic. Up again once that record went through (or turned out to be bad). Each service subclasses it
 * as its {@code @Readiness} bean; liveness is left alone, since a restart cures no outage.
 */
public abstract class OutageReadiness implements HealthCheck {
    private final String name;
    private final AtomicReference<String> outage = new AtomicReference<>();

    protected OutageReadiness(String name) {
        this.name = name;
    }

    // public, so that a CDI client proxy of a subclass in another package delegates them to the bean
    public void failing(Throwable failure) {
        outage.set(failure.toString());
    }

    public void recovered() {
        outage.set(null);
    }

    @Override
    public HealthCheckResponse call() {
        String failure = outage.get();
        return failure == null
                ? HealthCheckResponse.up(name)
                : HealthCheckResponse.named(name).down().withData("waiting record failed with", failure).build();
    }
}
