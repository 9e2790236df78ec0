package io.paperpulse.query.messaging;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Readiness of the read model's writer: down while a poll's write or announcement keeps failing (the store or the
 * broker is away), up again once one goes through. Liveness is not touched: waiting out an outage is healthy.
 */
@Readiness
@ApplicationScoped
public class WriterHealth implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(WriterHealth.class);
    private static final String NAME = "read model writer";

    private final AtomicReference<String> failure = new AtomicReference<>();

    void failing(Throwable cause) {
        if (failure.getAndSet(cause.toString()) == null) {
            LOG.warnf("storing a poll of papers failed (%s); retrying with consumption paused", cause.toString());
        }
    }

    void working() {
        if (failure.getAndSet(null) != null) {
            LOG.info("storing papers works again");
        }
    }

    @Override
    public HealthCheckResponse call() {
        String cause = failure.get();
        return cause == null ? HealthCheckResponse.up(NAME) : HealthCheckResponse.named(NAME).down().withData("retrying after", cause).build();
    }
}
