package io.paperpulse.query.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;

import io.paperpulse.resilience.OutageReadiness;

/** Down while a poll of enriched papers waits to be stored or announced again because MongoDB or Kafka failed it. */
@Readiness
@ApplicationScoped
public class WriterReadiness extends OutageReadiness {

    public WriterReadiness() {
        super("read model writer");
    }
}
